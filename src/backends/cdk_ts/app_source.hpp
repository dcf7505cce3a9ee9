// The per-table TypeScript of the cdk-ts target: the table's app construct and the index.
#pragma once

#include <string>

#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk_ts {

// Names the seed derives from the project name, here from the runtimeConfigKey's letters and
// digits: "my_table" -> file "my-table", class "MyTable".
struct AppNames {
  std::string file;        // kebab-case, without ".ts"
  std::string class_name;  // PascalCase, a valid identifier
};
AppNames app_names(const Table& t);

// src/app/dynamodb/<file>.ts: a DynamoDBTable subclass reading the table's config.json at synth
// time (its path as given to ddbsynth, relative to the workspace root). A YAML config is
// embedded instead, normalized to JSON, since Node reads no YAML without a dependency.
std::string app_construct_source(const Table& t, const AppNames& names);

// src/index.ts: exports the core constructs (the global table's too for a table with replicas)
// and the table's app construct.
std::string index_source(const AppNames& names, bool global);

}  // namespace ddbsynth::cdk_ts
