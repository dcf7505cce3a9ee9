#include "table_options.hpp"

#include <algorithm>

namespace ddbsynth::cdk {

using cfn::Json;

Json on_demand_throughput(const OnDemandThroughput& d) {
  Json j = Json::object();
  if (d.max_read_request_units) j["MaxReadRequestUnits"] = *d.max_read_request_units;
  if (d.max_write_request_units) j["MaxWriteRequestUnits"] = *d.max_write_request_units;
  return j;
}

Json warm_throughput(const WarmThroughput& w) {
  Json j = Json::object();
  if (w.read_units_per_second) j["ReadUnitsPerSecond"] = *w.read_units_per_second;
  if (w.write_units_per_second) j["WriteUnitsPerSecond"] = *w.write_units_per_second;
  return j;
}

Json contributor_insights(const ContributorInsights& c) {
  Json j{{"Enabled", true}};
  if (c.mode) j["Mode"] = to_string(*c.mode);
  return j;
}

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
    props["OnDemandThroughput"] = on_demand_throughput(t.on_demand);
  if (t.warm) props["WarmThroughput"] = warm_throughput(*t.warm);
  const TableOptions& o = t.options;
  if (o.pitr_period_days) props["PointInTimeRecoverySpecification"]["RecoveryPeriodInDays"] = *o.pitr_period_days;
  if (o.contributor_insights) props["ContributorInsightsSpecification"] = contributor_insights(*o.contributor_insights);
  if (o.kinesis) props["KinesisStreamSpecification"] = kinesis_stream(*o.kinesis);
  if (o.import_source) props["ImportSourceSpecification"] = import_source(*o.import_source);
  if (props.contains("GlobalSecondaryIndexes")) {
    Json& gsis = props["GlobalSecondaryIndexes"];
    for (size_t i = 0; i < t.gsis.size() && i < gsis.size(); ++i) {
      const GlobalSecondaryIndex& g = t.gsis[i];
      Json& j = gsis[i];
      if (g.contributor_insights) j["ContributorInsightsSpecification"] = contributor_insights(*g.contributor_insights);
      if (!g.on_demand.empty() && t.billing == BillingMode::PayPerRequest)
        j["OnDemandThroughput"] = on_demand_throughput(g.on_demand);
      if (g.warm) j["WarmThroughput"] = warm_throughput(*g.warm);
      sort_properties(j);
    }
  }
  sort_properties(props);
}

}  // namespace ddbsynth::cdk
