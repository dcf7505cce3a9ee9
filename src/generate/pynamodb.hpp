// The PynamoDB side of a table: entities/base.py, rendered from the validated model.
#pragma once

#include <string>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

// entities/base.py: the BaseModel every entity extends (discriminator, table keys, one index
// class per GSI and LSI with its keys and projection, local connection settings) for `t`.
// Deterministic; every config string lands in a Python literal, never in code or comments.
//
// Index attributes are named from the index name: snake_case, a trailing "_index" dropped, and
// the seed's "<x>pk-<x>sk-index" convention shortened to <x>, so "gsi1pk-gsi1sk-index" gives
// `gsi1_index` / `Gsi1Index` and "byUser" gives `by_user_index` / `ByUserIndex`.
std::string render_base_py(const Table& t);

}  // namespace ddbsynth
