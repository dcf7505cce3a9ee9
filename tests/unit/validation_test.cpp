// One test per contract limit and per kind of error.
#include <fmt/format.h>

#include "test_util.hpp"

using ::testing::HasSubstr;

namespace {

std::string gsis(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += fmt::format(R"({}{{"indexName": "gsi{:02}", "partitionKey": "p{}"}})", i ? "," : "", i, i);
  return R"("globalSecondaryIndexes": [)" + out + "]";
}

std::string lsis(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += fmt::format(R"({}{{"indexName": "lsi{}", "sortKey": "s{}"}})", i ? "," : "", i, i);
  return R"("localSecondaryIndexes": [)" + out + "]";
}

}  // namespace

TEST(Validation, SeedConfigIsValidWithDefaults) {
  auto t = ddbsynth::load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/seed.json");
  EXPECT_EQ(t.runtime_config_key, "my_table");
  EXPECT_EQ(t.partition_key, (ddbsynth::KeyAttribute{"pk", ddbsynth::AttributeType::S}));
  ASSERT_TRUE(t.sort_key);
  EXPECT_EQ(t.sort_key->name, "sk");
  EXPECT_EQ(t.billing, ddbsynth::BillingMode::PayPerRequest);
  EXPECT_TRUE(t.point_in_time_recovery && t.deletion_protection && t.key_rotation);
  EXPECT_EQ(t.removal, ddbsynth::RemovalPolicy::Retain);
  EXPECT_EQ(t.cdk_stack_name, "mytableStack");
  EXPECT_EQ(t.cdk_construct_id, "Table");
  ASSERT_TRUE(t.local_dev);
  EXPECT_EQ(t.local_dev->port, 8000);
  EXPECT_EQ(t.gsis.size(), 2u);
  EXPECT_FALSE(t.gsis[0].capacity);
}

TEST(Validation, MissingRuntimeConfigKey) {
  EXPECT_EQ(first_error("{}"), "c.json:1:1: error: missing required field \"runtimeConfigKey\"");
}

TEST(Validation, RuntimeConfigKeyLength) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": ""})"), HasSubstr("runtimeConfigKey must be 1-255 characters, found 0"));
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": ")" + std::string(255, 'k') + "\"}"), "");
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": ")" + std::string(256, 'k') + "\"}"), HasSubstr("found 256"));
}

TEST(Validation, RuntimeConfigKeySlash) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "a/b"})"), HasSubstr("must not contain '/'"));
}

TEST(Validation, ControlCharacterInRuntimeConfigKey) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "a\u0001b"})"), HasSubstr("control characters"));
}

TEST(Validation, UnknownFieldSuggestsTheClosest) {
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "t", "tableConfg": {}})"),
            "c.json:1:27: error: unknown field \"tableConfg\" (did you mean \"tableConfig\"?)");
  EXPECT_EQ(first_error(with_table(R"("billingMod": "PROVISIONED")")),
            "c.json:1:43: error: unknown field \"billingMod\" in tableConfig (did you mean \"billingMode\"?)");
}

TEST(Validation, UnknownFieldWithoutCloseMatch) {
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "t", "zzzzzzzzzz": 1})"), "c.json:1:27: error: unknown field \"zzzzzzzzzz\"");
}

TEST(Validation, WrongTypeNamesTheExpectedType) {
  EXPECT_EQ(first_error(with_table(R"("pointInTimeRecovery": "yes")")),
            "c.json:1:66: error: tableConfig.pointInTimeRecovery must be a boolean, found string");
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": {})")), HasSubstr("must be an array, found object"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": 5})"), HasSubstr("runtimeConfigKey must be a string, found integer"));
}

TEST(Validation, EnumSuggestsTheClosestValue) {
  EXPECT_THAT(first_error(with_table(R"("billingMode": "PAY_PER_REQUESTS")")),
              HasSubstr("must be one of PAY_PER_REQUEST, PROVISIONED, found \"PAY_PER_REQUESTS\" (did you mean \"PAY_PER_REQUEST\"?)"));
}

TEST(Validation, ProvisionedNeedsCapacities) {
  EXPECT_THAT(all_errors(with_table(R"("billingMode": "PROVISIONED")")), HasSubstr("requires readCapacity"));
  EXPECT_THAT(all_errors(with_table(R"("billingMode": "PROVISIONED")")), HasSubstr("requires writeCapacity"));
}

TEST(Validation, CapacityForbiddenOnDemand) {
  EXPECT_THAT(first_error(with_table(R"("readCapacity": 5)")), HasSubstr("only allowed with billingMode PROVISIONED"));
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "a", "writeCapacity": 1}])")),
              HasSubstr("only allowed with billingMode PROVISIONED"));
}

TEST(Validation, CapacityAtLeastOne) {
  EXPECT_THAT(first_error(with_table(R"("billingMode": "PROVISIONED", "readCapacity": 0, "writeCapacity": 1)")),
              HasSubstr("tableConfig.readCapacity must be between 1 and"));
}

TEST(Validation, CapacityMustBeInteger) {
  EXPECT_THAT(first_error(with_table(R"("billingMode": "PROVISIONED", "readCapacity": 1.5, "writeCapacity": 1)")),
              HasSubstr("tableConfig.readCapacity must be an integer, found 1.5"));
}

TEST(Validation, GsiCapacityDefaultsToTheTables) {
  auto t = ddbsynth::parse_config(with_table(R"("billingMode": "PROVISIONED", "readCapacity": 3, "writeCapacity": 4,
      "globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "a", "readCapacity": 9}])"), "c.json");
  ASSERT_TRUE(t.gsis[0].capacity);
  EXPECT_EQ(t.gsis[0].capacity->read, 9);
  EXPECT_EQ(t.gsis[0].capacity->write, 4);
}

TEST(Validation, AtMostTwentyGsis) {
  EXPECT_EQ(first_error(with_table(gsis(20))), "");
  EXPECT_THAT(first_error(with_table(gsis(21))), HasSubstr("at most 20 global secondary indexes are allowed, found 21"));
}

TEST(Validation, AtMostFiveLsis) {
  EXPECT_EQ(first_error(with_table(lsis(5))), "");
  EXPECT_THAT(first_error(with_table(lsis(6))), HasSubstr("at most 5 local secondary indexes are allowed, found 6"));
}

TEST(Validation, LsiNeedsATableSortKey) {
  EXPECT_THAT(first_error(with_table(R"("sortKey": null, )" + lsis(1))), HasSubstr("need a table with a sort key"));
}

TEST(Validation, IndexNamesUniqueAcrossGsisAndLsis) {
  EXPECT_THAT(first_error(with_table(R"("localSecondaryIndexes": [{"indexName": "idx", "sortKey": "s"}],
      "globalSecondaryIndexes": [{"indexName": "idx", "partitionKey": "p"}])")),
              HasSubstr("index name \"idx\" is used twice"));
}

TEST(Validation, IndexNameRules) {
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "ab", "partitionKey": "p"}])")),
              HasSubstr("index name \"ab\" is not valid: 3-255 characters"));
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "a b c", "partitionKey": "p"}])")),
              HasSubstr("is not valid"));
  EXPECT_EQ(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": ")" + std::string(255, 'i') +
                                   R"(", "partitionKey": "p"}])")),
            "");
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": ")" + std::string(256, 'i') +
                                     R"(", "partitionKey": "p"}])")),
              HasSubstr("is not valid"));
}

TEST(Validation, TableNameRules) {
  EXPECT_EQ(first_error(with_table(R"("tableName": "abc")")), "");
  EXPECT_THAT(first_error(with_table(R"("tableName": "ab")")), HasSubstr("is not a valid table name"));
  EXPECT_THAT(first_error(with_table(R"("tableName": "a/bc")")), HasSubstr("is not a valid table name"));
  EXPECT_EQ(first_error(with_table(R"("tableName": ")" + std::string(255, 'n') + "\"")), "");
  EXPECT_THAT(first_error(with_table(R"("tableName": ")" + std::string(256, 'n') + "\"")), HasSubstr("not a valid table name"));
}

TEST(Validation, AttributeNameBytes) {
  EXPECT_EQ(first_error(with_table(R"("partitionKey": ")" + std::string(255, 'a') + "\"")), "");
  EXPECT_THAT(first_error(with_table(R"("partitionKey": ")" + std::string(256, 'a') + "\"")),
              HasSubstr("must be 1-255 bytes of UTF-8, found 256"));
  // 128 two-byte characters are 256 bytes.
  std::string wide;
  for (int i = 0; i < 128; ++i) wide += "\xC3\xBC";
  EXPECT_THAT(first_error(with_table(R"("partitionKey": ")" + wide + "\"")), HasSubstr("found 256"));
  EXPECT_THAT(first_error(with_table(R"("partitionKey": "")")), HasSubstr("found 0"));
}

TEST(Validation, OneTypePerAttribute) {
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": {"name": "pk", "type": "N"}}])")),
              HasSubstr("attribute \"pk\" is type S in tableConfig.partitionKey but N in globalSecondaryIndexes[0].partitionKey"));
}

TEST(Validation, KeyObjectNeedsNameAndType) {
  EXPECT_THAT(all_errors(with_table(R"("partitionKey": {"name": "a"})")), HasSubstr("missing required field \"type\""));
  EXPECT_THAT(all_errors(with_table(R"("partitionKey": {"type": "S"})")), HasSubstr("missing required field \"name\""));
  EXPECT_THAT(all_errors(with_table(R"("partitionKey": {"name": "a", "type": "S", "kind": 1})")), HasSubstr("unknown field \"kind\""));
  EXPECT_THAT(all_errors(with_table(R"("partitionKey": 5)")), HasSubstr("must be an attribute name or"));
}

TEST(Validation, NonKeyAttributesOnlyWithInclude) {
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "a", "nonKeyAttributes": ["x"]}])")),
              HasSubstr("nonKeyAttributes is only allowed with projectionType INCLUDE"));
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "a", "projectionType": "INCLUDE"}])")),
              HasSubstr("has projectionType INCLUDE but no nonKeyAttributes"));
}

TEST(Validation, AtMostHundredNonKeyAttributes) {
  auto config = [](int n) {
    std::string a, b;
    for (int i = 0; i < n; ++i) (i % 2 ? a : b) += fmt::format("{}\"attr{}\"", (i % 2 ? a : b).empty() ? "" : ",", i);
    return with_table(fmt::format(R"("globalSecondaryIndexes": [
        {{"indexName": "one", "partitionKey": "a", "projectionType": "INCLUDE", "nonKeyAttributes": [{}]}},
        {{"indexName": "two", "partitionKey": "b", "projectionType": "INCLUDE", "nonKeyAttributes": [{}, "attr1"]}}])",
                                  a, b));
  };
  EXPECT_EQ(first_error(config(100)), "");
  EXPECT_THAT(first_error(config(101)), HasSubstr("at most 100 distinct nonKeyAttributes"));
}

TEST(Validation, StreamReadNeedsAStream) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": "r", "access": "streamRead"}]})"),
              HasSubstr("needs a stream"));
}

TEST(Validation, RoleArnsAndNames) {
  auto t = ddbsynth::parse_config(R"({"runtimeConfigKey": "t", "grants": [
      {"role": "arn:aws:iam::123456789012:role/path/to/app-role", "access": "read"},
      {"role": "name+=,.@-_1", "access": "full"}]})", "c.json");
  ASSERT_EQ(t.grants.size(), 2u);
  EXPECT_TRUE(t.grants[0].by_arn);
  EXPECT_EQ(t.grants[0].role_name, "app-role");
  EXPECT_FALSE(t.grants[1].by_arn);
  EXPECT_EQ(t.grants[1].access, ddbsynth::Access::Full);
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": "arn:aws:iam::12345:role/x", "access": "read"}]})"),
              HasSubstr("is not an IAM role ARN"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": "has space", "access": "read"}]})"),
              HasSubstr("is not an IAM role name"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": ")" + std::string(65, 'r') + R"(", "access": "read"}]})"),
              HasSubstr("is not an IAM role name"));
}

TEST(Validation, OneGrantPerRole) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "grants": [{"role": "r", "access": "read"},
      {"role": "arn:aws:iam::123456789012:role/r", "access": "write"}]})"),
              HasSubstr("role \"r\" is already granted by grants[0]"));
}

TEST(Validation, Tags) {
  auto t = ddbsynth::parse_config(with_table(R"("tags": {"team": "a", "Env": "b", "cost-center": "c"})"), "c.json");
  ASSERT_EQ(t.tags.size(), 3u);
  EXPECT_EQ(t.tags[0].first, "cost-center");  // CDK's (ICU) order, case-insensitive first
  EXPECT_EQ(t.tags[1].first, "Env");
  EXPECT_THAT(first_error(with_table(R"("tags": {"aws:x": "y"})")), HasSubstr("reserved prefix"));
  EXPECT_THAT(first_error(with_table(R"("tags": {"a": 1})")), HasSubstr("must be a string, found integer"));
  EXPECT_THAT(first_error(with_table(R"("tags": {"a": "x*y"})")), HasSubstr("may only contain"));
  EXPECT_THAT(first_error(with_table(R"("tags": {")" + std::string(129, 'k') + R"(": "v"})")), HasSubstr("must be 1-128 characters"));
  EXPECT_THAT(first_error(with_table(R"("tags": {"k": ")" + std::string(257, 'v') + R"("})")), HasSubstr("at most 256 characters"));
  std::string many;
  for (int i = 0; i < 51; ++i) many += fmt::format("{}\"k{}\": \"v\"", i ? "," : "", i);
  EXPECT_THAT(first_error(with_table(R"("tags": {)" + many + "}")), HasSubstr("at most 50 tags"));
}

TEST(Validation, LocalDev) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"port": 8000}})"), HasSubstr("missing required field \"tableName\""));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"port": 0, "tableName": "abc"}})"), HasSubstr("between 1 and 65535"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"port": 65536, "tableName": "abc"}})"), HasSubstr("between 1 and 65535"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc", "containerEngine": "dockerr"}})"),
              HasSubstr("(did you mean \"docker\"?)"));
  auto t = ddbsynth::parse_config(R"({"runtimeConfigKey": "t", "localDev": {"tableName": "abc"}})", "c.json");
  EXPECT_EQ(t.local_dev->container_name, "t-dynamodb-local");
  EXPECT_EQ(t.local_dev->engine, ddbsynth::ContainerEngine::Docker);
}

TEST(Validation, CdkNames) {
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "cdk": {"stackName": "1x"}})"), HasSubstr("is not a valid stack name"));
  EXPECT_THAT(first_error(R"({"runtimeConfigKey": "t", "cdk": {"constructId": "a/b"}})"), HasSubstr("without '/'"));
  auto t = ddbsynth::parse_config(R"({"runtimeConfigKey": "my-table.v2 ✓"})", "c.json");
  EXPECT_EQ(t.cdk_stack_name, "mytablev2Stack");
}

TEST(Validation, TopLevelMustBeAnObject) {
  EXPECT_EQ(first_error("[]"), "c.json:1:1: error: expected an object at the top level, found array");
}

TEST(Validation, AllProblemsReportedAtOnce) {
  std::string errors = all_errors(R"({"runtimeConfigKey": "t", "tableConfig": {"billingMode": "X", "stream": "Y"}, "grantz": []})");
  EXPECT_THAT(errors, HasSubstr("billingMode"));
  EXPECT_THAT(errors, HasSubstr("stream"));
  EXPECT_THAT(errors, HasSubstr("grantz"));
}

TEST(Validation, MissingFileIsLocated) {
  try {
    ddbsynth::load_config("/nonexistent/config.json");
    FAIL();
  } catch (const ddbsynth::InputError& e) {
    EXPECT_THAT(e.diagnostics()[0].format(), HasSubstr("/nonexistent/config.json:1:1: error: cannot read file"));
  }
}

TEST(Validation, PartitionAndSortKeyDiffer) {
  EXPECT_THAT(first_error(with_table(R"("sortKey": "pk")")), HasSubstr("the table uses \"pk\" as both partition and sort key"));
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "a", "sortKey": "a"}])")),
              HasSubstr("index \"abc\" uses \"a\" as both"));
  EXPECT_THAT(first_error(with_table(R"("localSecondaryIndexes": [{"indexName": "abc", "sortKey": "pk"}])")),
              HasSubstr("index \"abc\" uses \"pk\" as both"));
}

// Round 2: the shared fixtures parse into the model the backends build from.
namespace {

ddbsynth::Table round2(const std::string& name) {
  return ddbsynth::load_config(DDBSYNTH_SOURCE_DIR "/fixtures/round2/" + name + ".json");
}

}  // namespace

TEST(Round2Model, Autoscaled) {
  using namespace ddbsynth;
  auto t = round2("autoscaled");
  EXPECT_EQ(t.billing, BillingMode::Provisioned);
  EXPECT_EQ(t.capacity, (Capacity{20, 10}));
  ASSERT_TRUE(t.warm);
  EXPECT_EQ(t.warm->read_units_per_second, 15000);
  EXPECT_EQ(t.warm->write_units_per_second, 5000);
  EXPECT_EQ(t.auto_scaling.read, (Scaling{5, 500, 60, 300, 60}));
  EXPECT_EQ(t.auto_scaling.write, (Scaling{5, 200, 70, std::nullopt, std::nullopt}));
  EXPECT_TRUE(t.on_demand.empty());
  ASSERT_EQ(t.gsis.size(), 2u);
  EXPECT_EQ(t.gsis[0].capacity, (Capacity{40, 5}));
  EXPECT_EQ(t.gsis[0].auto_scaling.read, (Scaling{10, 400, 75, std::nullopt, std::nullopt}));
  EXPECT_FALSE(t.gsis[0].auto_scaling.write);
  EXPECT_FALSE(t.gsis[0].warm);
  EXPECT_EQ(t.gsis[1].capacity, (Capacity{20, 10}));  // the table's
  ASSERT_TRUE(t.gsis[1].warm);
  EXPECT_EQ(t.gsis[1].warm->read_units_per_second, 12000);
  EXPECT_FALSE(t.gsis[1].warm->write_units_per_second);
  EXPECT_EQ(t.gsis[1].auto_scaling.read, (Scaling{5, 100, 70, std::nullopt, std::nullopt}));
  EXPECT_EQ(t.gsis[1].auto_scaling.write, (Scaling{1, 50, 70, std::nullopt, 30}));
  EXPECT_FALSE(t.is_global());
  EXPECT_FALSE(t.stream);
}

TEST(Round2Model, OnDemandCaps) {
  using namespace ddbsynth;
  auto t = round2("on-demand-caps");
  EXPECT_EQ(t.on_demand, (OnDemandThroughput{4000, 1000}));
  ASSERT_TRUE(t.warm);
  EXPECT_EQ(*t.warm, (WarmThroughput{std::nullopt, 8000}));
  EXPECT_TRUE(t.auto_scaling.empty());
  ASSERT_EQ(t.gsis.size(), 2u);
  EXPECT_EQ(t.gsis[0].on_demand, (OnDemandThroughput{2000, std::nullopt}));
  ASSERT_TRUE(t.gsis[0].contributor_insights);
  EXPECT_FALSE(t.gsis[0].contributor_insights->mode);
  EXPECT_EQ(t.gsis[1].on_demand, (OnDemandThroughput{std::nullopt, 500}));
  EXPECT_EQ(t.gsis[1].warm, (WarmThroughput{13000, 4500}));
  EXPECT_FALSE(t.gsis[1].contributor_insights);
  EXPECT_FALSE(t.options.contributor_insights);
}

TEST(Round2Model, TableOptions) {
  using namespace ddbsynth;
  auto t = round2("table-options");
  EXPECT_EQ(t.options.pitr_period_days, 14);
  ASSERT_TRUE(t.options.contributor_insights);
  EXPECT_EQ(t.options.contributor_insights->mode, ContributorInsightsMode::ThrottledKeys);
  ASSERT_TRUE(t.options.kinesis);
  EXPECT_EQ(t.options.kinesis->stream_arn, "arn:aws:kinesis:us-east-1:123456789012:stream/payments-changes");
  EXPECT_EQ(t.options.kinesis->precision, KinesisPrecision::Microsecond);
  EXPECT_FALSE(t.options.import_source);
  EXPECT_EQ(t.options.resource_policy,
            R"({"Version":"2012-10-17","Statement":[{"Sid":"AuditAccountReads","Effect":"Allow",)"
            R"("Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["dynamodb:GetItem","dynamodb:Query"],)"
            R"("Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/payments-prod"}]})");
  EXPECT_EQ(t.grants.size(), 2u);
}

TEST(Round2Model, ImportCsv) {
  using namespace ddbsynth;
  auto t = round2("import-csv");
  ASSERT_TRUE(t.options.import_source);
  const auto& in = *t.options.import_source;
  EXPECT_EQ(in.bucket, "acme-legacy-exports");
  EXPECT_EQ(in.key_prefix, "2026/11/customers/");
  EXPECT_EQ(in.bucket_owner, "123456789012");
  EXPECT_EQ(in.format, InputFormat::Csv);
  EXPECT_EQ(in.csv_delimiter, ";");
  EXPECT_EQ(in.csv_header, (std::vector<std::string>{"id", "name", "email"}));
  EXPECT_EQ(in.compression, InputCompression::Gzip);
  ASSERT_TRUE(t.options.contributor_insights);
  EXPECT_FALSE(t.options.contributor_insights->mode);
}

TEST(Round2Model, ImportJson) {
  using namespace ddbsynth;
  auto t = round2("import-json");
  ASSERT_TRUE(t.options.import_source);
  EXPECT_EQ(*t.options.import_source, (ImportSource{"acme.archive", std::nullopt, std::nullopt,
                                                    InputFormat::DynamoDbJson, std::nullopt, std::nullopt,
                                                    std::nullopt}));
  EXPECT_FALSE(t.point_in_time_recovery);
  EXPECT_FALSE(t.options.pitr_period_days);
}

TEST(Round2Model, Global) {
  using namespace ddbsynth;
  auto t = round2("global");
  ASSERT_TRUE(t.is_global());
  EXPECT_EQ(t.global.region, "us-east-1");
  EXPECT_EQ(t.global.consistency, Consistency::Eventual);
  EXPECT_FALSE(t.global.witness_region);
  EXPECT_EQ(t.stream, StreamView::NewAndOldImages);  // implied by the replicas
  EXPECT_EQ(t.on_demand, (OnDemandThroughput{3000, 1500}));
  EXPECT_EQ(t.options.pitr_period_days, 30);
  ASSERT_EQ(t.global.replicas.size(), 2u);
  const auto& eu = t.global.replicas[0];
  EXPECT_EQ(eu.region, "eu-west-1");
  EXPECT_EQ(eu.kms_key_arn, "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  EXPECT_EQ(eu.deletion_protection, false);
  EXPECT_FALSE(eu.point_in_time_recovery);
  EXPECT_EQ(eu.table_class, TableClass::StandardInfrequentAccess);
  EXPECT_EQ(eu.max_read_request_units, 1000);
  EXPECT_FALSE(eu.read_capacity);
  EXPECT_EQ(eu.tags, (std::vector<std::pair<std::string, std::string>>{{"residency", "eu"}, {"team", "identity-eu"}}));
  const auto& ap = t.global.replicas[1];
  EXPECT_EQ(ap.region, "ap-southeast-2");
  EXPECT_EQ(ap.point_in_time_recovery, false);
  ASSERT_TRUE(ap.contributor_insights);
  EXPECT_EQ(ap.contributor_insights->mode, ContributorInsightsMode::ThrottledKeys);
  EXPECT_FALSE(ap.tags);
  EXPECT_EQ(t.tags, (std::vector<std::pair<std::string, std::string>>{{"team", "identity"}}));
}

TEST(Round2Model, GlobalProvisioned) {
  using namespace ddbsynth;
  auto t = round2("global-provisioned");
  ASSERT_TRUE(t.is_global());
  EXPECT_EQ(t.global.region, "eu-west-1");
  EXPECT_EQ(t.stream, StreamView::NewAndOldImages);
  EXPECT_EQ(t.auto_scaling.read, (Scaling{10, 1000, 65, std::nullopt, std::nullopt}));
  EXPECT_EQ(t.auto_scaling.write, (Scaling{5, 400, 70, 120, std::nullopt}));
  ASSERT_EQ(t.gsis.size(), 1u);
  EXPECT_EQ(t.gsis[0].capacity, (Capacity{25, 20}));
  EXPECT_EQ(t.gsis[0].auto_scaling.write, (Scaling{5, 100, 70, std::nullopt, std::nullopt}));
  ASSERT_EQ(t.global.replicas.size(), 1u);
  EXPECT_EQ(t.global.replicas[0].region, "eu-central-1");
  EXPECT_EQ(t.global.replicas[0].read_capacity, 30);
}

TEST(Round2Model, GlobalStrong) {
  using namespace ddbsynth;
  auto t = round2("global-strong");
  EXPECT_EQ(t.global.consistency, Consistency::Strong);
  EXPECT_EQ(t.global.witness_region, "us-west-2");
  ASSERT_EQ(t.global.replicas.size(), 1u);
  EXPECT_EQ(t.global.replicas[0].region, "us-east-2");
  EXPECT_EQ(t.cdk_stack_name, "LedgerGlobal");
}

TEST(Round2Model, ContributorInsightsFalseIsOff) {
  auto t = ddbsynth::parse_config(with_table(R"("contributorInsights": false)"), "c.json");
  EXPECT_FALSE(t.options.contributor_insights);
}
