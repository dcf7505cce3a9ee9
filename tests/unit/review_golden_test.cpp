// Comparing synthesized files with a directory: changed, missing and extra files, in path order.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "review/golden.hpp"

namespace fs = std::filesystem;
using namespace ddbsynth;
using namespace ddbsynth::review;

namespace {

class ReviewGolden : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ddbsynth-review-golden-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "stack");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void put(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel, std::ios::binary) << text; }
  fs::path dir_;
};

}  // namespace

TEST_F(ReviewGolden, IdenticalFilesAreNoDrift) {
  put("a.json", "{}\n");
  put("stack/main.tf", "x\n");
  EXPECT_TRUE(compare_with_directory({{"a.json", "{}\n"}, {"stack/main.tf", "x\n"}}, dir_).empty());
}

TEST_F(ReviewGolden, ChangedMissingAndExtra) {
  put("a.json", "one\ntwo\n");
  put("stale.json", "old\n");
  put("stack/main.tf", "same\n");
  std::string label = dir_.generic_string();
  auto drifts = compare_with_directory(
      {{"stack/main.tf", "same\n"}, {"a.json", "one\n2\n"}, {"stack/outputs.tf", "new\n"}}, dir_);
  ASSERT_EQ(drifts.size(), 3u);
  EXPECT_EQ(drifts[0].path, "a.json");
  EXPECT_EQ(drifts[0].drift, Drift::Changed);
  EXPECT_EQ(drifts[0].diff, "--- " + label + "/a.json\n+++ " + label + "/a.json\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n");
  EXPECT_EQ(drifts[1].path, "stack/outputs.tf");
  EXPECT_EQ(drifts[1].drift, Drift::Missing);
  EXPECT_EQ(drifts[1].diff, "--- /dev/null\n+++ " + label + "/stack/outputs.tf\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(drifts[2].path, "stale.json");
  EXPECT_EQ(drifts[2].drift, Drift::Extra);
  EXPECT_EQ(drifts[2].diff, "--- " + label + "/stale.json\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\n");
}

TEST_F(ReviewGolden, EmptyFilesStillShowWhich) {
  auto drifts = compare_with_directory({{"empty.txt", ""}}, dir_);
  ASSERT_EQ(drifts.size(), 1u);
  EXPECT_EQ(drifts[0].diff, "--- /dev/null\n+++ " + dir_.generic_string() + "/empty.txt\n");
}

TEST_F(ReviewGolden, AMissingDirectoryHoldsNothing) {
  auto drifts = compare_with_directory({{"a.json", "{}\n"}}, dir_ / "nope");
  ASSERT_EQ(drifts.size(), 1u);
  EXPECT_EQ(drifts[0].drift, Drift::Missing);
}

TEST_F(ReviewGolden, AFileIsNoDirectory) {
  put("a.json", "{}\n");
  EXPECT_THROW(compare_with_directory({}, dir_ / "a.json"), GoldenError);
}
