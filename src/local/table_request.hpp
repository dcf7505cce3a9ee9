// The DynamoDB API requests that create the local table (localDev.tableName) and its indexes,
// in the API's own shapes: what `aws dynamodb create-table --cli-input-json` accepts.
#pragma once

#include <nlohmann/json.hpp>

#include "ddbsynth/model.hpp"

namespace ddbsynth::local {

using Json = nlohmann::ordered_json;

// The CreateTable request for t.local_dev->table_name. `t.local_dev` must be set.
Json create_table_request(const Table& t);

// The UpdateTable request that adds one GSI of `t` to the local table.
Json create_index_request(const Table& t, const GlobalSecondaryIndex& gsi);

// The UpdateTable request that deletes the GSI named `index`.
Json delete_index_request(const Table& t, const std::string& index);

Json key_schema(const KeyAttribute& partition, const std::optional<KeyAttribute>& sort);

}  // namespace ddbsynth::local
