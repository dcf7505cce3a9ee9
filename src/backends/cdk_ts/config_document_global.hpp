// The global-table fields of config_document (a YAML config's JSON for the generated constructs).
#pragma once

#include <nlohmann/json.hpp>

#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk_ts {

// Adds tableConfig.region, replicas, multiRegionConsistency and witnessRegion to `tc`, and
// keeps only the index capacities the config set: a global table's index otherwise follows the
// table's (autoscaled) capacity, and never has a fixed write capacity.
void add_global_fields(const Table& t, nlohmann::ordered_json& tc);

}  // namespace ddbsynth::cdk_ts
