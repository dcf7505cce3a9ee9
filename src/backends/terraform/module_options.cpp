// Table options that the provider keeps out of aws_dynamodb_table: CloudWatch Contributor
// Insights (the table and each GSI) and the Kinesis Data Streams destination.
#include "backends/common/naming.hpp"
#include "backends/terraform/module.hpp"

namespace ddbsynth::tf {

namespace {

void insights(Body& main, const std::string& name, const ContributorInsights& c, const GlobalSecondaryIndex* index) {
  Body& b = main.add_block("resource", {"aws_dynamodb_contributor_insights", name}).body;
  b.set("table_name", ref(kTable, "name"));
  if (index) b.set("index_name", Value::str(index->name));
  if (c.mode) b.set("mode", Value::str(to_string(*c.mode)));
}

}  // namespace

void add_options(const Table& t, Body& main) {
  UniqueIds names;
  if (t.options.contributor_insights) insights(main, names.take("table"), *t.options.contributor_insights, nullptr);
  for (const auto& g : t.gsis) {
    // A global table's indexes take the table's setting unless they have their own, as its
    // replicas' indexes do (module_replicas.cpp) and as the GlobalTable resource does.
    const auto& ci = g.contributor_insights || !t.is_global() ? g.contributor_insights : t.options.contributor_insights;
    if (ci) insights(main, names.take("index_" + resource_name(g.name)), *ci, &g);
  }
  if (const auto& k = t.options.kinesis) {
    Body& b = main.add_block("resource", {"aws_dynamodb_kinesis_streaming_destination", "table"}).body;
    if (k->precision) b.set("approximate_creation_date_time_precision", Value::str(to_string(*k->precision)));
    b.set("stream_arn", Value::str(k->stream_arn));
    b.set("table_name", ref(kTable, "name"));
  }
}

}  // namespace ddbsynth::tf
