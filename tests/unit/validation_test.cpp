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

// Round 2: one test per rule, each located at the offending value.
namespace {

const char* kProvisioned = R"("billingMode": "PROVISIONED", "readCapacity": 10, "writeCapacity": 5)";
const char* kKeyEu = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

std::string replica_in(const std::string& region) {
  return fmt::format(R"({{"region": "{0}", "kmsKeyArn": "arn:aws:kms:{0}:123456789012:key/mrk-0123456789abcdef0123456789abcdef"}})",
                     region);
}

std::string policy(const std::string& statement) {
  return R"("resourcePolicy": {"Version": "2012-10-17", "Statement": [)" + statement + "]}";
}

std::string allow(const std::string& resource) {
  return R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "dynamodb:GetItem", "Resource": )" +
         resource + "}";
}

}  // namespace

TEST(CapacityRules, MaximumsOnlyOnDemand) {
  EXPECT_EQ(first_error(with_table(std::string(kProvisioned) + R"(, "maxReadRequestUnits": 100)")),
            "c.json:1:136: error: tableConfig.maxReadRequestUnits is only allowed with billingMode PAY_PER_REQUEST: "
            "a provisioned table's throughput is its capacity");
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) +
                                     R"(, "globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "x", "maxWriteRequestUnits": 1}])")),
              HasSubstr("globalSecondaryIndexes[0].maxWriteRequestUnits is only allowed with billingMode PAY_PER_REQUEST"));
  EXPECT_THAT(first_error(with_table(R"("maxReadRequestUnits": 0)")), HasSubstr("between 1 and"));
}

TEST(CapacityRules, AutoscalingOnlyProvisioned) {
  EXPECT_EQ(first_error(with_table(R"("autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 2}})")),
            "c.json:1:58: error: tableConfig.autoScaling is only allowed with billingMode PROVISIONED: on-demand "
            "capacity scales by itself (cap it with maxReadRequestUnits/maxWriteRequestUnits)");
  EXPECT_THAT(first_error(with_table(R"("globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "x", "autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 2}}}])")),
              HasSubstr("globalSecondaryIndexes[0].autoScaling is only allowed with billingMode PROVISIONED"));
}

TEST(CapacityRules, CapacityWithinBounds) {
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 11, "maxCapacity": 20}})")),
              HasSubstr("tableConfig.readCapacity is 10, outside tableConfig.autoScaling.read [11, 20]"));
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 4}})")),
              HasSubstr("tableConfig.writeCapacity is 5, outside tableConfig.autoScaling.write [1, 4]"));
  // An index without capacities of its own is created with the table's.
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) +
                                     R"(, "globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "x", "autoScaling": {"read": {"minCapacity": 20, "maxCapacity": 30}}}])")),
              HasSubstr("globalSecondaryIndexes[0].readCapacity is 10, outside"));
  EXPECT_EQ(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 10, "maxCapacity": 10}})")), "");
}

TEST(CapacityRules, MaxAtLeastMin) {
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 10, "maxCapacity": 9}})")),
              HasSubstr("tableConfig.autoScaling.read.maxCapacity (9) must be at least minCapacity (10)"));
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 10}})")),
              HasSubstr("tableConfig.autoScaling.read is missing required field \"maxCapacity\""));
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 2147483648}})")),
              HasSubstr("maxCapacity must be between 1 and 2147483647"));
}

TEST(CapacityRules, TargetUtilizationAndCooldowns) {
  auto scaled = [](const std::string& extra) {
    return with_table(std::string(kProvisioned) + R"(, "autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 20)" + extra + "}}");
  };
  EXPECT_THAT(first_error(scaled(R"(, "targetUtilization": 9)")), HasSubstr("targetUtilization must be between 10 and 90, found 9"));
  EXPECT_THAT(first_error(scaled(R"(, "targetUtilization": 91)")), HasSubstr("found 91"));
  EXPECT_THAT(first_error(scaled(R"(, "targetUtilization": 50.5)")), HasSubstr("must be an integer"));
  EXPECT_EQ(first_error(scaled(R"(, "targetUtilization": 10, "scaleInCooldown": 0, "scaleOutCooldown": 0)")), "");
  EXPECT_THAT(first_error(scaled(R"(, "scaleInCooldown": -1)")), HasSubstr("scaleInCooldown must be between 0 and"));
  EXPECT_THAT(first_error(scaled(R"(, "scaleOutCooldown": "60")")), HasSubstr("scaleOutCooldown must be an integer, found string"));
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {})")), HasSubstr("needs read, write or both"));
  EXPECT_THAT(first_error(with_table(std::string(kProvisioned) + R"(, "autoScaling": {"reed": {}})")),
              HasSubstr("unknown field \"reed\" in tableConfig.autoScaling (did you mean \"read\"?)"));
}

TEST(CapacityRules, WarmThroughputNeedsAField) {
  EXPECT_EQ(first_error(with_table(R"("warmThroughput": {})")),
            "c.json:1:61: error: tableConfig.warmThroughput needs readUnitsPerSecond, writeUnitsPerSecond or both");
  EXPECT_THAT(first_error(with_table(R"("warmThroughput": {"readUnitsPerSecond": 0})")), HasSubstr("between 1 and"));
  EXPECT_THAT(first_error(with_table(R"("warmThroughput": {"readUnits": 5})")), HasSubstr("unknown field \"readUnits\" in tableConfig.warmThroughput"));
  EXPECT_EQ(first_error(with_table(std::string(kProvisioned) + R"(, "warmThroughput": {"writeUnitsPerSecond": 4000})")), "");
}

TEST(OptionRules, PitrPeriod) {
  EXPECT_EQ(first_error(with_table(R"("pointInTimeRecovery": false, "pointInTimeRecoveryPeriodDays": 7)")),
            "c.json:1:106: error: tableConfig.pointInTimeRecoveryPeriodDays needs pointInTimeRecovery true: a "
            "disabled point-in-time recovery has no restore window");
  EXPECT_THAT(first_error(with_table(R"("pointInTimeRecoveryPeriodDays": 36)")), HasSubstr("between 1 and 35, found 36"));
  EXPECT_THAT(first_error(with_table(R"("pointInTimeRecoveryPeriodDays": 0)")), HasSubstr("found 0"));
  EXPECT_EQ(first_error(with_table(R"("pointInTimeRecoveryPeriodDays": 35)")), "");
}

TEST(OptionRules, ContributorInsights) {
  EXPECT_THAT(first_error(with_table(R"("contributorInsights": "on")")), HasSubstr("must be true, false or {\"mode\": ...}"));
  EXPECT_THAT(first_error(with_table(R"("contributorInsights": {"mode": "THROTTLED"})")),
              HasSubstr("mode must be one of ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS"));
  EXPECT_THAT(first_error(with_table(R"("contributorInsights": {})")), HasSubstr("missing required field \"mode\""));
  auto t = ddbsynth::parse_config(with_table(R"("contributorInsights": {"mode": "ACCESSED_AND_THROTTLED_KEYS"})"), "c.json");
  EXPECT_EQ(t.options.contributor_insights->mode, ddbsynth::ContributorInsightsMode::AccessedAndThrottledKeys);
}

TEST(OptionRules, KinesisStreamArn) {
  auto kinesis = [](const std::string& arn) { return with_table(R"("kinesisStream": {"streamArn": ")" + arn + "\"}"); };
  EXPECT_EQ(first_error(kinesis("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a.b_c-d")), "");
  for (const char* bad : {"arn:aws:kinesis:us-east-1:12345678901:stream/x", "arn:aws:sqs:us-east-1:123456789012:stream/x",
                          "arn:aws:kinesis:moon-1:123456789012:stream/x", "arn:aws:kinesis:us-east-1:123456789012:stream/",
                          "arn:aws:kinesis:us-east-1:123456789012:stream/a b", "arn:aws:kinesis:us-east-1:123456789012:table/x"})
    EXPECT_THAT(first_error(kinesis(bad)), HasSubstr("is not a Kinesis stream ARN")) << bad;
  EXPECT_THAT(first_error(kinesis("arn:aws:kinesis:us-east-1:123456789012:stream/" + std::string(129, 'a'))),
              HasSubstr("is not a Kinesis stream ARN"));
  EXPECT_THAT(first_error(with_table(R"("kinesisStream": {})")), HasSubstr("missing required field \"streamArn\""));
  EXPECT_THAT(first_error(with_table(R"("kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/x", "precision": "NANOSECOND"})")),
              HasSubstr("precision must be one of MILLISECOND, MICROSECOND"));
}

TEST(OptionRules, BucketNames) {
  auto bucket = [](const std::string& name) {
    return with_table(R"("importSource": {"inputFormat": "ION", "bucket": ")" + name + "\"}");
  };
  for (const char* ok : {"abc", "a.b-c", "123", "my-bucket.2026"}) EXPECT_EQ(first_error(bucket(ok)), "") << ok;
  struct Case { std::string name, why; };
  for (const Case& c : std::vector<Case>{{"ab", "3-63 characters"}, {std::string(64, 'a'), "3-63 characters"},
                                         {"Abc", "only lowercase"}, {"a_b", "only lowercase"}, {"-ab", "begin and end"},
                                         {"ab.", "begin and end"}, {"a..b", "adjacent periods"},
                                         {"192.168.5.4", "IP address"}, {"xn--abc", "prefix \"xn--\""},
                                         {"sthree-abc", "prefix \"sthree-\""}, {"amzn-s3-demo-x", "prefix \"amzn-s3-demo-\""},
                                         {"abc-s3alias", "suffix \"-s3alias\""}, {"abc--ol-s3", "suffix \"--ol-s3\""},
                                         {"abc.mrap", "suffix \".mrap\""}, {"abc--x-s3", "suffix \"--x-s3\""},
                                         {"abc--table-s3", "suffix \"--table-s3\""}})
    EXPECT_THAT(first_error(bucket(c.name)), HasSubstr(c.why)) << c.name;
}

TEST(OptionRules, ImportSourceFields) {
  auto import = [](const std::string& body) { return with_table(R"("importSource": {"bucket": "abc", )" + body + "}"); };
  EXPECT_THAT(first_error(with_table(R"("importSource": {"bucket": "abc"})")), HasSubstr("missing required field \"inputFormat\""));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "bucketOwner": "12345")")), HasSubstr("bucketOwner \"12345\" must be an AWS account id of 12 digits"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "ION", "csvDelimiter": ",")")), HasSubstr("csvDelimiter is only allowed with inputFormat CSV"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "DYNAMODB_JSON", "csvHeader": ["a"])")), HasSubstr("csvHeader is only allowed with inputFormat CSV"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvDelimiter": ",,")")), HasSubstr("must be one character"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvDelimiter": "x")")), HasSubstr("must be one character"));
  EXPECT_EQ(first_error(import(R"("inputFormat": "CSV", "csvDelimiter": "\t")")), "");
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvHeader": [])")), HasSubstr("must list 1-255 attribute names"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvHeader": ["a,b"])")), HasSubstr("printable ASCII"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvHeader": ["a", "a"])")), HasSubstr("listed twice"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "csvHeader": [""])")), HasSubstr("1-255 bytes"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "compression": "BZIP2")")), HasSubstr("GZIP, ZSTD, NONE"));
  EXPECT_THAT(first_error(import(R"("inputFormat": "CSV", "keyPrefix": ")" + std::string(1025, 'k') + "\"")),
              HasSubstr("keyPrefix must be at most 1024 bytes"));
}

TEST(PolicyRules, Structure) {
  EXPECT_EQ(first_error(with_table(policy(allow(R"("*")")))), "");
  EXPECT_THAT(first_error(with_table(R"("resourcePolicy": {"Version": "2012-10-17"})")), HasSubstr("missing required field \"Statement\""));
  EXPECT_THAT(first_error(with_table(R"("resourcePolicy": {"Statement": []})")), HasSubstr("Statement must not be empty"));
  EXPECT_THAT(first_error(with_table(R"("resourcePolicy": {"Version": "2020-01-01", "Statement": [)" + allow(R"("*")") + "]}")),
              HasSubstr("Version must be one of 2012-10-17, 2008-10-17"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Permit", "Principal": "*", "Action": "dynamodb:*", "Resource": "*"})"))),
              HasSubstr("Effect must be one of Allow, Deny"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"})"))),
              HasSubstr("needs Principal or NotPrincipal"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Resource": "*"})"))),
              HasSubstr("needs Action or NotAction"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": "x:y", "NotAction": "x:z", "Resource": "*"})"))),
              HasSubstr("has both Action and NotAction"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": "x:y"})"))),
              HasSubstr("needs Resource or NotResource"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": {"Person": "x"}, "Action": "x:y", "Resource": "*"})"))),
              HasSubstr("unknown field \"Person\""));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": "GetItem", "Resource": "*"})"))),
              HasSubstr("is not an action"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": [], "Resource": "*"})"))),
              HasSubstr("must be a string or a non-empty array of strings"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": "x:y", "Resource": "*", "Condition": {"StringEquals": "x"}})"))),
              HasSubstr("Condition.StringEquals must be an object"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": "x:y", "Resource": "*", "Effects": 1})"))),
              HasSubstr("did you mean \"Effect\""));
}

TEST(PolicyRules, SidsUniqueAmongUserStatements) {
  std::string a = R"({"Sid": "Audit", "Effect": "Allow", "Principal": "*", "Action": "dynamodb:GetItem", "Resource": "*"})";
  EXPECT_THAT(first_error(with_table(policy(a + "," + a))), HasSubstr("Sid \"Audit\" is already used by Statement[0]"));
  EXPECT_THAT(first_error(with_table(policy(R"({"Sid": "no spaces", "Effect": "Allow", "Principal": "*", "Action": "x:y", "Resource": "*"})"))),
              HasSubstr("may only contain A-Z a-z 0-9"));
}

TEST(PolicyRules, SizeLimit) {
  std::string actions;
  for (int i = 0; i < 1200; ++i) actions += fmt::format(R"({}"dynamodb:Action{:05}")", i ? "," : "", i);
  EXPECT_THAT(first_error(with_table(policy(R"({"Effect": "Allow", "Principal": "*", "Action": [)" + actions + R"(], "Resource": "*"})"))),
              HasSubstr("DynamoDB accepts at most 20480 (20 KB)"));
}

TEST(PolicyRules, ResourceThatCanNeverMatch) {
  auto named = [](const std::string& resource) {
    return with_table(R"("tableName": "orders", "region": "us-east-1", )" + policy(allow(resource)));
  };
  for (const char* ok : {R"("*")", R"("arn:aws:dynamodb:us-east-1:123456789012:table/orders")",
                         R"("arn:aws:dynamodb:*:*:table/orders/index/*")", R"("arn:aws:dynamodb:us-east-1:123456789012:table/ord*")",
                         R"("arn:*:dynamodb:*:*:*")", R"(["arn:aws:dynamodb:us-east-1:1:table/orders", "arn:aws:dynamodb:us-east-1:1:table/orders/index/byDate"])"})
    EXPECT_EQ(first_error(named(ok)), "") << ok;
  EXPECT_THAT(first_error(named(R"("arn:aws:s3:::orders")")), HasSubstr("it is an ARN of service \"s3\", not of DynamoDB"));
  EXPECT_THAT(first_error(named(R"("arn:aws:dynamodb:us-east-1:123456789012:table/payments")")),
              HasSubstr("can never match this table: it does not name table \"orders\" or its indexes"));
  EXPECT_THAT(first_error(named(R"("arn:aws:dynamodb:us-east-1:123456789012:table/orders2")")), HasSubstr("does not name table"));
  EXPECT_THAT(first_error(named(R"("arn:aws:dynamodb:eu-west-1:123456789012:table/orders")")),
              HasSubstr("its region \"eu-west-1\" is not the table's region us-east-1"));
  EXPECT_THAT(first_error(named(R"("orders")")), HasSubstr("it is not an ARN"));
  // Without a fixed name only the resource type can be checked.
  EXPECT_EQ(first_error(with_table(policy(allow(R"("arn:aws:dynamodb:us-east-1:123456789012:table/anything")")))), "");
  EXPECT_THAT(first_error(with_table(policy(allow(R"("arn:aws:dynamodb:us-east-1:123456789012:backup/x")")))),
              HasSubstr("it does not name a table"));
}

TEST(ReplicaRules, RegionRequiredAndValid) {
  EXPECT_THAT(first_error(with_table(R"("replicas": [)" + replica_in("eu-west-1") + "]")),
              HasSubstr("tableConfig.replicas needs tableConfig.region"));
  for (const char* ok : {"us-gov-west-1", "cn-north-1", "ap-southeast-7", "eu-isoe-west-1", "us-isob-east-1", "il-central-1"})
    EXPECT_EQ(first_error(with_table(fmt::format(R"("region": "{}")", ok))), "") << ok;
  for (const char* bad : {"us-east", "US-EAST-1", "useast1", "us-east-1a", "mars-east-1"})
    EXPECT_THAT(first_error(with_table(fmt::format(R"("region": "{}")", bad))), HasSubstr("is not an AWS region name")) << bad;
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "replicas": [{"kmsKeyArn": "x"}])")),
              HasSubstr("replicas[0] is missing required field \"region\""));
}

TEST(ReplicaRules, DuplicateAndOwnRegion) {
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "replicas": [)" + replica_in("us-east-1") + "]")),
              HasSubstr("replica region \"us-east-1\" is tableConfig.region"));
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "replicas": [)" + replica_in("eu-west-1") + "," + replica_in("eu-west-1") + "]")),
              HasSubstr("replica region \"eu-west-1\" is already tableConfig.replicas[0]"));
}

TEST(ReplicaRules, KmsKeyInTheReplicasRegion) {
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "replicas": [{"region": "eu-west-1"}])")),
              HasSubstr("missing required field \"kmsKeyArn\""));
  EXPECT_THAT(first_error(with_table(fmt::format(R"("region": "us-east-1", "replicas": [{{"region": "eu-west-2", "kmsKeyArn": "{}"}}])", kKeyEu))),
              HasSubstr("kmsKeyArn is a key in eu-west-1, not in the replica's region eu-west-2"));
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "replicas": [{"region": "eu-west-1", "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:alias/x"}])")),
              HasSubstr("is not a KMS key ARN"));
}

TEST(ReplicaRules, CapacityOverridesFollowBilling) {
  std::string base = R"("region": "us-east-1", )";
  EXPECT_THAT(first_error(with_table(base + fmt::format(R"("replicas": [{{"region": "eu-west-1", "kmsKeyArn": "{}", "readCapacity": 5}}])", kKeyEu))),
              HasSubstr("replicas[0].readCapacity is only allowed with billingMode PROVISIONED"));
  EXPECT_THAT(first_error(with_table(base + kProvisioned + R"(, "autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 9}}, )" +
                                     fmt::format(R"("replicas": [{{"region": "eu-west-1", "kmsKeyArn": "{}", "maxReadRequestUnits": 5}}])", kKeyEu))),
              HasSubstr("replicas[0].maxReadRequestUnits is only allowed with billingMode PAY_PER_REQUEST"));
}

TEST(ReplicaRules, ConsistencyAndWitness) {
  EXPECT_THAT(first_error(with_table(R"("multiRegionConsistency": "STRONG")")),
              HasSubstr("multiRegionConsistency is only allowed with replicas"));
  EXPECT_THAT(first_error(with_table(R"("region": "us-east-1", "witnessRegion": "us-west-2", "replicas": [)" + replica_in("us-east-2") + "]")),
              HasSubstr("witnessRegion is only allowed with multiRegionConsistency STRONG"));
  std::string strong = R"("region": "us-east-1", "multiRegionConsistency": "STRONG", )";
  EXPECT_EQ(first_error(with_table(strong + R"("replicas": [)" + replica_in("us-east-2") + "," + replica_in("us-west-2") + "]")), "");
  EXPECT_THAT(first_error(with_table(strong + R"("replicas": [)" + replica_in("us-east-2") + "]")),
              HasSubstr("STRONG needs 3 regions in all (2 with witnessRegion), found 2"));
  EXPECT_THAT(first_error(with_table(strong + R"("witnessRegion": "us-west-2", "replicas": [)" + replica_in("us-east-2") + "," + replica_in("eu-west-1") + "]")),
              HasSubstr("found 3 and a witness"));
  EXPECT_THAT(first_error(with_table(strong + R"("replicas": [)" + replica_in("us-east-2") + "," + replica_in("eu-west-1") + "]")),
              HasSubstr("in one region set: us-east-1, us-east-2, us-west-2; eu-west-1"));
  EXPECT_THAT(first_error(with_table(strong + R"("witnessRegion": "us-east-2", "replicas": [)" + replica_in("us-east-2") + "]")),
              HasSubstr("witnessRegion \"us-east-2\" is also a replica region"));
  EXPECT_THAT(first_error(with_table(strong + R"("witnessRegion": "eu-west-2", "replicas": [)" + replica_in("us-east-2") + "]")),
              HasSubstr("in one region set"));
}

TEST(ReplicaRules, ProvisionedGlobalTables) {
  std::string base = R"("region": "us-east-1", "replicas": [)" + replica_in("us-west-2") + "], " + kProvisioned;
  EXPECT_THAT(first_error(with_table(base)), HasSubstr("a provisioned table with replicas needs autoScaling.write"));
  std::string scaled = base + R"(, "autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 9}})";
  EXPECT_EQ(first_error(with_table(scaled)), "");
  EXPECT_THAT(first_error(with_table(scaled + R"(, "globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "x", "writeCapacity": 3}])")),
              HasSubstr("globalSecondaryIndexes[0].writeCapacity is fixed, but a provisioned global table autoscales"));
  EXPECT_THAT(first_error(with_table(base + R"(, "autoScaling": {"write": {"minCapacity": 1, "maxCapacity": 9, "targetUtilization": 15}})")),
              HasSubstr("targetUtilization must be at least 20 on a table with replicas, found 15"));
}

TEST(ReplicaRules, StreamAndImport) {
  std::string base = R"("region": "us-east-1", "replicas": [)" + replica_in("us-west-2") + "]";
  EXPECT_THAT(first_error(with_table(base + R"(, "stream": "KEYS_ONLY")")),
              HasSubstr("a table with replicas streams NEW_AND_OLD_IMAGES: tableConfig.stream KEYS_ONLY cannot be used"));
  EXPECT_EQ(first_error(with_table(base + R"(, "stream": "NEW_AND_OLD_IMAGES")")), "");
  EXPECT_THAT(first_error(with_table(base + R"(, "importSource": {"bucket": "abc", "inputFormat": "ION"})")),
              HasSubstr("importSource is not available on a global table"));
  // The implied stream lets a grant read it.
  EXPECT_EQ(first_error(R"({"runtimeConfigKey": "t", "tableConfig": {)" + base + R"(}, "grants": [{"role": "r", "access": "streamRead"}]})"), "");
}

TEST(ReplicaRules, ReplicaTagsFollowTheTagRules) {
  std::string base = R"("region": "us-east-1", "replicas": [{"region": "eu-west-1", "kmsKeyArn": ")" + std::string(kKeyEu) + R"(", "tags": )";
  EXPECT_THAT(first_error(with_table(base + R"({"aws:x": "y"}}])")), HasSubstr("reserved prefix \"aws:\""));
  EXPECT_THAT(first_error(with_table(base + R"("x"}])")), HasSubstr("replicas[0].tags must be an object"));
  auto t = ddbsynth::parse_config(with_table(R"("tags": {"a": "1"}, )" + base + R"({"z": "2", "b": "3"}}])"), "c.json");
  EXPECT_EQ(t.tags, (std::vector<std::pair<std::string, std::string>>{{"a", "1"}}));
  EXPECT_EQ(t.global.replicas[0].tags, (std::vector<std::pair<std::string, std::string>>{{"b", "3"}, {"z", "2"}}));
}
