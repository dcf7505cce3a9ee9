// Golden modules for the configs under fixtures/configs/terraform (strings beyond escapes.json:
// Unicode that HCL would normalize, control characters, `$` and `%` next to braces), written
// by the real tool. tests/golden.sh covers fixtures/configs/*.json the same way.
// Refresh with DDBSYNTH_UPDATE_GOLDEN=1 ./unit_tests --gtest_filter='TerraformGolden.*'.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    out[fs::relative(e.path(), dir).generic_string()] = s.str();
  }
  return out;
}

void check(const std::string& format) {
  const fs::path src = DDBSYNTH_SOURCE_DIR;
  const fs::path golden = src / "fixtures/golden/terraform-extra" / format;
  const fs::path out = fs::temp_directory_path() / ("ddbsynth-terraform-golden-" + format + "-" + std::to_string(::getpid()));
  fs::remove_all(out);
  std::string cmd = std::string("'") + DDBSYNTH_BINARY + "' synth '" + (src / "fixtures/configs/terraform").string() +
                    "'/*.json --target terraform --format " + format + " --quiet --out '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto produced = read_tree(out);
  ASSERT_FALSE(produced.empty());
  if (std::getenv("DDBSYNTH_UPDATE_GOLDEN")) {
    fs::remove_all(golden);
    fs::create_directories(golden);
    fs::copy(out, golden, fs::copy_options::recursive);
  }
  auto expected = read_tree(golden);
  fs::remove_all(out);
  EXPECT_EQ(produced.size(), expected.size());
  for (const auto& [path, content] : produced) {
    auto it = expected.find(path);
    ASSERT_NE(it, expected.end()) << "no golden for " << path;
    EXPECT_EQ(content, it->second) << path << " drifted from fixtures/golden/terraform-extra/" << format;
  }
}

TEST(TerraformGolden, NativeHcl) { check("hcl"); }
TEST(TerraformGolden, TerraformJson) { check("json"); }

}  // namespace
