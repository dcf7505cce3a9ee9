#include "table_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "ddbsynth/backend.hpp"

namespace ddbsynth::cdk {

using cfn::Json;

Json kinesis_stream(const KinesisDestination& k) {
  Json j = Json::object();
  if (k.precision) j["ApproximateCreationDateTimePrecision"] = to_string(*k.precision);
  j["StreamArn"] = k.stream_arn;
  return j;
}

Json import_source(const ImportSource& s) {
  Json j = Json::object();
  if (s.compression) j["InputCompressionType"] = to_string(*s.compression);
  j["InputFormat"] = to_string(s.format);
  if (s.format == InputFormat::Csv) {
    // InputFormat.csv() always renders its options, empty when neither is set.
    Json csv = Json::object();
    if (s.csv_delimiter) csv["Delimiter"] = *s.csv_delimiter;
    if (s.csv_header) csv["HeaderList"] = *s.csv_header;
    j["InputFormatOptions"] = Json{{"Csv", csv}};
  }
  Json bucket{{"S3Bucket", s.bucket}};
  if (s.bucket_owner) bucket["S3BucketOwner"] = *s.bucket_owner;
  if (s.key_prefix) bucket["S3KeyPrefix"] = *s.key_prefix;
  j["S3BucketSource"] = bucket;
  return j;
}

namespace {

// Bucket._validateBucketName with allowLegacyBucketNaming, as fromBucketName calls it.
std::optional<std::string> legacy_bucket_name_problem(const std::string& name) {
  static const std::regex kChars("[A-Za-z0-9._-]*"), kIp(R"(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})");
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (name.size() < 3 || name.size() > 63) return "it must be 3-63 characters";
  if (!std::regex_match(name, kChars)) return "it may only contain letters, digits, '.', '_' and '-'";
  if (!alnum(name.front()) || !alnum(name.back())) return "it must start and end with a letter or digit";
  for (auto pair : {".-", "-.", ".."})
    if (name.find(pair) != std::string::npos) return fmt::format("it must not contain \"{}\"", pair);
  if (std::regex_match(name, kIp)) return "it must not look like an IP address";
  return std::nullopt;
}

}  // namespace

void check_imported_resources(const Table& t) {
  if (!t.options.import_source) return;
  if (auto why = legacy_bucket_name_problem(t.options.import_source->bucket)) {
    const char* path = t.positions.count("tableConfig.importSource.bucket") ? "tableConfig.importSource.bucket"
                                                                              : "tableConfig.importSource";
    throw BackendError{t.where(path), fmt::format("the CDK rejects tableConfig.importSource.bucket \"{}\": {} "
                                                  "(Bucket.fromBucketName: \"Invalid S3 bucket name\")",
                                                  t.options.import_source->bucket, *why)};
  }
}

void sort_properties(Json& object) {
  std::vector<std::pair<std::string, Json>> members;
  for (auto& [k, v] : object.items()) members.emplace_back(k, std::move(v));
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  object = Json::object();
  for (auto& [k, v] : members) object[k] = std::move(v);
}

void add_production_properties(Json& props, const Table& t) {
  // The Table drops on-demand maximums on a provisioned table; validation refuses them there.
  if (!t.on_demand.empty() && t.billing == BillingMode::PayPerRequest)
    props["OnDemandThroughput"] = cfn::on_demand_throughput(t.on_demand);
  if (t.warm) props["WarmThroughput"] = cfn::warm_throughput(*t.warm);
  const TableOptions& o = t.options;
  if (o.pitr_period_days) props["PointInTimeRecoverySpecification"]["RecoveryPeriodInDays"] = *o.pitr_period_days;
  if (o.contributor_insights) props["ContributorInsightsSpecification"] = cfn::contributor_insights(*o.contributor_insights);
  if (o.kinesis) props["KinesisStreamSpecification"] = kinesis_stream(*o.kinesis);
  if (o.import_source) props["ImportSourceSpecification"] = import_source(*o.import_source);
  if (props.contains("GlobalSecondaryIndexes")) {
    Json& gsis = props["GlobalSecondaryIndexes"];
    for (size_t i = 0; i < t.gsis.size() && i < gsis.size(); ++i) {
      const GlobalSecondaryIndex& g = t.gsis[i];
      Json& j = gsis[i];
      if (g.contributor_insights) j["ContributorInsightsSpecification"] = cfn::contributor_insights(*g.contributor_insights);
      if (!g.on_demand.empty() && t.billing == BillingMode::PayPerRequest)
        j["OnDemandThroughput"] = cfn::on_demand_throughput(g.on_demand);
      if (g.warm) j["WarmThroughput"] = cfn::warm_throughput(*g.warm);
      sort_properties(j);
    }
  }
  sort_properties(props);
}

}  // namespace ddbsynth::cdk
