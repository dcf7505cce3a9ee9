#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ddbsynth/config.hpp"
#include "generate/local_port.hpp"
#include "generate/scaffold.hpp"

namespace fs = std::filesystem;
using namespace ddbsynth;

namespace {

// Runs in a fresh directory, as `ddbsynth new` runs in the workspace root.
class GenerateScaffold : public ::testing::Test {
 protected:
  void SetUp() override {
    old_ = fs::current_path();
    dir_ = fs::temp_directory_path() / ("ddbsynth-scaffold-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::current_path(dir_);
  }
  void TearDown() override {
    fs::current_path(old_);
    fs::remove_all(dir_);
  }
  static void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  static NewOptions python_only(std::string name) {
    NewOptions o;
    o.name = std::move(name);
    o.infra = "none";
    return o;
  }
  fs::path old_, dir_;
};

std::vector<std::string> paths(const ProjectPlan& p) {
  std::vector<std::string> out;
  for (const auto& f : p.files) out.push_back(f.file.path);
  return out;
}

const std::string& content(const ProjectPlan& p, const std::string& path) {
  for (const auto& f : p.files)
    if (f.file.path == path) return f.file.content;
  throw std::runtime_error("no " + path);
}

}  // namespace

TEST_F(GenerateScaffold, PlansTheSeedsProject) {
  ProjectPlan p = plan_new_project(python_only("my-table"));
  EXPECT_EQ(paths(p), (std::vector<std::string>{
                          "packages/my_table/config.json", "packages/my_table/project.json",
                          "packages/my_table/pyproject.toml",
                          "packages/my_table/my_table/__init__.py", "packages/my_table/my_table/client.py",
                          "packages/my_table/my_table/entities/__init__.py",
                          "packages/my_table/my_table/entities/example.py",
                          "packages/my_table/my_table/entities/base.py"}));
  EXPECT_TRUE(p.iac.empty());
  // The config is valid and is what the seed writes.
  Table t = parse_config(content(p, "packages/my_table/config.json"), "config.json");
  EXPECT_EQ(t.runtime_config_key, "MyTable");
  ASSERT_TRUE(t.local_dev);
  EXPECT_EQ(t.local_dev->port, 8000);
  EXPECT_EQ(t.local_dev->table_name, "monorepo-my-table");
  EXPECT_EQ(t.local_dev->container_name, "monorepo-dynamodb");
  EXPECT_EQ(t.local_dev->image, "public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest");
  ASSERT_EQ(t.gsis.size(), 2u);
  EXPECT_EQ(t.gsis[1].name, "gsi2pk-gsi2sk-index");
  EXPECT_FALSE(t.table_name);
  EXPECT_NE(content(p, "packages/my_table/my_table/client.py").find("runtime_config_key = 'MyTable'\n"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(".")) << "planning wrote files";
}

TEST_F(GenerateScaffold, RefusesEveryFileInTheWayUnlessForced) {
  ProjectPlan p = plan_new_project(python_only("orders"));
  EXPECT_EQ(files_to_write(p, false).size(), p.files.size());
  write("packages/orders/config.json", "{}");
  write("packages/orders/orders/client.py", "");
  try {
    files_to_write(p, false);
    FAIL() << "expected a GenerateError";
  } catch (const GenerateError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("2 file(s) already exist"), std::string::npos) << m;
    EXPECT_NE(m.find("packages/orders/config.json"), std::string::npos) << m;
    EXPECT_NE(m.find("packages/orders/orders/client.py"), std::string::npos) << m;
  }
  EXPECT_EQ(files_to_write(p, true).size(), p.files.size());
}

TEST_F(GenerateScaffold, SharedIacAlreadyIdenticalIsLeftAlone) {
  ProjectPlan p;
  p.files.push_back(PlannedFile{OutputFile{"common/core/table.ts", "same"}, true});
  p.files.push_back(PlannedFile{OutputFile{"common/core/other.ts", "new"}, true});
  p.files.push_back(PlannedFile{OutputFile{"common/app/dynamodb/t.ts", "same"}, false});
  write("common/core/table.ts", "same");
  write("common/app/dynamodb/t.ts", "same");
  EXPECT_THROW(files_to_write(p, false), GenerateError);  // the table's own file is in the way
  p.files.pop_back();
  auto out = files_to_write(p, false);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "common/core/other.ts");
  write("common/core/other.ts", "different");
  EXPECT_THROW(files_to_write(p, false), GenerateError);
}

TEST_F(GenerateScaffold, OnePortForAllProjects) {
  EXPECT_EQ(shared_local_port("packages"), 8000);  // no such directory yet
  // The first DynamoDB project skips the ports other projects reserve, as the seed's registry.
  write("apps/api/project.json", R"({"name": "api", "metadata": {"ports": [8000, 8002]}})");
  write("apps/mcp/project.json", R"({"name": "mcp", "metadata": {"port": 8001}})");
  write("apps/bad/project.json", R"({"metadata": {"ports": "8003"}})");
  EXPECT_EQ(shared_local_port("apps"), 8003);
  write("apps/t/config.json", R"({"localDev": {"port": 8000}})");
  EXPECT_EQ(shared_local_port("apps"), 8000);  // then one port for every table, reserved or not
  write("packages/a/config.json", R"({"runtimeConfigKey": "a", "localDev": {"tableName": "aaa"}})");
  write("packages/deep/b/config.json", R"({"localDev": {"port": 8001}})");
  write("packages/c/config.json", "not json");
  write("packages/d/config.json", R"({"localDev": {"port": 8003}})");
  write("packages/.cache/config.json", R"({"localDev": {"port": 8002}})");
  write("packages/e/node_modules/x/config.json", R"({"localDev": {"port": 8002}})");
  EXPECT_EQ(shared_local_port("packages/d"), 8003);
  EXPECT_EQ(shared_local_port("packages/deep"), 8001);
  EXPECT_EQ(shared_local_port("packages/e"), 8000);  // node_modules is not the workspace's
  EXPECT_EQ(shared_local_port("packages"), 8000);    // a's default; they disagree: the lowest
  ProjectPlan p = plan_new_project(python_only("next"));
  EXPECT_NE(content(p, "packages/next/config.json").find("\"port\": 8000"), std::string::npos);
}

TEST_F(GenerateScaffold, InvalidOptionsThrowBeforePlanning) {
  NewOptions o = python_only("x1");
  o.framework = "boto3";
  EXPECT_THROW(plan_new_project(o), GenerateError);
  o = python_only("x1");
  o.infra = "s3";
  EXPECT_THROW(plan_new_project(o), GenerateError);
  o = python_only("x1");
  o.infra = "dynamodb";
  o.iac = "pulumi";
  EXPECT_THROW(plan_new_project(o), GenerateError);
}

TEST_F(GenerateScaffold, IacInheritsTheWorkspacesChoice) {
  EXPECT_EQ(resolve_iac("inherit"), "cdk");
  fs::create_directories("packages/common/constructs");
  EXPECT_EQ(resolve_iac("inherit"), "cdk");
  fs::create_directories("packages/common/terraform");
  EXPECT_EQ(resolve_iac("inherit"), "terraform");
  EXPECT_EQ(resolve_iac("cdk"), "cdk");
}

TEST_F(GenerateScaffold, TerraformGoesToTheCommonProject) {
  if (!find_backend("terraform")) GTEST_SKIP() << "the terraform backend is not in this build";
  NewOptions o = python_only("my-table");
  o.infra = "dynamodb";
  o.iac = "terraform";
  ProjectPlan p = plan_new_project(o);
  ASSERT_TRUE(p.iac_unavailable.empty()) << p.iac_unavailable;
  size_t iac = 0;
  for (const auto& f : p.files) {
    if (f.file.path.starts_with("packages/my_table/")) continue;
    ++iac;
    EXPECT_TRUE(f.file.path.starts_with("packages/common/terraform/src/app/dynamodb/") ||
                f.file.path.starts_with("packages/common/terraform/src/core/"))
        << f.file.path;
  }
  EXPECT_GT(iac, 0u);
  // The project's infra target synthesizes the same files again, from the workspace root.
  EXPECT_NE(content(p, "packages/my_table/project.json")
                .find("\"ddbsynth synth packages/my_table/config.json --target terraform --out "
                      "packages/common/terraform/src/app/dynamodb -q\""),
            std::string::npos);
}
