// The CDK's naming algorithms against values real aws-cdk-lib computed (the goldens under
// fixtures/golden/cdk come from `cdk synth`), and how several tables' outputs combine.
#include "backends/cdk/md5.hpp"
#include "backends/cdk/unique_id.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/synthesize.hpp"
#include "test_util.hpp"

namespace ddbsynth {
namespace {

TEST(CdkMd5, Rfc1321Vectors) {
  EXPECT_EQ(cdk::md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(cdk::md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(cdk::md5_hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(cdk::md5_hex(std::string(1000, 'a')), "cabe45dcc9ae5b66ba86600cca6b8ba8");
}

TEST(CdkUniqueId, MatchesTheSeedTemplate) {
  // mytableStack/Table/EncryptionKey/Resource and mytableStack/Table/my_table/Resource.
  EXPECT_EQ(cdk::unique_id({"Table", "EncryptionKey", "Resource"}), "TableEncryptionKey7FFE7125");
  EXPECT_EQ(cdk::unique_id({"Table", "my_table", "Resource"}), "Tablemytable35A522A7");
  // A single component is its own logical ID.
  EXPECT_EQ(cdk::unique_id({"RcAppConfigApp"}), "RcAppConfigApp");
}

TEST(CdkStackName, ValidNames) {
  EXPECT_TRUE(cdk::valid_stack_name("mytableStack"));
  EXPECT_TRUE(cdk::valid_stack_name("Ledger-Prod-1"));
  EXPECT_FALSE(cdk::valid_stack_name("7upStack"));
  EXPECT_FALSE(cdk::valid_stack_name("a_b"));
  EXPECT_EQ(cdk::js_length("\xF0\x9F\x9A\x80"), 2u);  // one emoji, two UTF-16 code units
}

TEST(UniteLines, AppendsOnlyMissingLines) {
  EXPECT_EQ(unite_lines("a\nb\n", "b\nc\n"), "a\nb\nc\n");
  EXPECT_EQ(unite_lines("", "x\n"), "x\n");
  EXPECT_EQ(unite_lines("a", "a\nb"), "a\nb\n");
}

// Several configs through the cdk-ts target: shared sources once, one index exporting all.
TEST(Synthesize, SharedFilesOnceAndLineSetsUnited) {
  std::vector<Table> tables{parse_config(R"({"runtimeConfigKey": "orders"})", "a/config.json"),
                            parse_config(R"({"runtimeConfigKey": "users"})", "b/config.json")};
  auto files = synthesize(*find_backend("cdk-ts"), tables, BackendOptions{});
  int index = 0, dynamodb = 0;
  for (const auto& f : files) {
    if (f.path.ends_with("src/index.ts")) {
      ++index;
      EXPECT_THAT(f.content, testing::HasSubstr("./app/dynamodb/orders.js"));
      EXPECT_THAT(f.content, testing::HasSubstr("./app/dynamodb/users.js"));
    }
    if (f.path.ends_with("src/core/dynamodb.ts")) ++dynamodb;
  }
  EXPECT_EQ(index, 1);
  EXPECT_EQ(dynamodb, 1);
}

TEST(Synthesize, SameFileWithOtherContentIsAnError) {
  std::vector<Table> tables{parse_config(R"({"runtimeConfigKey": "orders"})", "a/config.json"),
                            parse_config(R"({"runtimeConfigKey": "orders", "tableConfig": {"sortKey": null}})",
                                         "b/config.json")};
  try {
    synthesize(*find_backend("cloudformation"), tables, BackendOptions{});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.diagnostics().front().format(), testing::HasSubstr("b/config.json:1:1: error: output"));
    EXPECT_THAT(e.diagnostics().front().format(), testing::HasSubstr("also produced by a/config.json"));
  }
}

}  // namespace
}  // namespace ddbsynth
