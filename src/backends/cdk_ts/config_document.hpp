// A Table as a config of the contract with every default written out: what a YAML config
// means, in the JSON the generated constructs read.
#pragma once

#include <nlohmann/json.hpp>

#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk_ts {

nlohmann::ordered_json config_document(const Table& t);

}  // namespace ddbsynth::cdk_ts
