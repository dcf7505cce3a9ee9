// The round-2 properties of the v1 Table's CfnTable as aws-cdk-lib renders them: capacity
// (on-demand maximums, warm throughput) and table options (restore window, Contributor
// Insights, Kinesis destination, import from S3), for the table and each GSI. The property
// blocks are shared with other CDK tree renderings (TableV2).
#pragma once

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

cfn::Json kinesis_stream(const KinesisDestination& k);
cfn::Json import_source(const ImportSource& s);

// Adds the round-2 fields of `t` to `props` (cfn::table_properties of `t`, to which a backend
// may already have added some of them) and puts every object CfnTable renders (the table's
// properties, each GSI) in its order: property names sorted.
void add_production_properties(cfn::Json& props, const Table& t);

// Throws BackendError where aws-cdk-lib throws on the imported resources of the table's props:
// Bucket.fromBucketName validates the bucket's name by S3's legacy rules.
void check_imported_resources(const Table& t);

// CfnTable's (and every generated L1's) property order: names in code-unit order.
void sort_properties(cfn::Json& object);

}  // namespace ddbsynth::cdk
