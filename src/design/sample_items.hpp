// Sample items for a design, chosen to break weak ones (model verify): ids that are prefixes of
// each other (1, 10, 100), several items per partition and several partitions per pattern,
// non-ASCII values, numbers that sort differently as text, sparse attributes set on some items.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ddbsynth/design.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::design {

using Json = nlohmann::ordered_json;

struct SampleItem {
  const Entity* entity = nullptr;
  size_t number = 0;  // k-th item of its entity
  Json item;          // DynamoDB JSON: attribute -> {"S": ...}; keys and entity_type included
  std::string id() const { return entity->name + "#" + std::to_string(number); }
};

// The attribute that names a sample item in the table, never an entity attribute (those cannot
// start with '_').
inline constexpr const char* kSampleAttribute = "_ddbsynth_sample";

// `per_entity` items of every entity, in entity order; deterministic for `seed`.
std::vector<SampleItem> sample_items(const Table& t, unsigned seed, size_t per_entity);

// The text of a typed scalar ({"S": "x"} -> x, {"N": "10"} -> 10).
std::string scalar(const Json& typed);

// A key value from template parts: placeholders filled from `values` (attribute -> typed value).
// The result is typed as the key attribute is ({"S": ...}, or the bare value). Nothing when a
// placeholder has no value (a sparse key).
std::optional<Json> key_value(const std::vector<TemplatePart>& parts, const Json& values, AttributeType type);

}  // namespace ddbsynth::design
