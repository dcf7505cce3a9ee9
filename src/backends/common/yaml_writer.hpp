#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ddbsynth {

// Block-style YAML for a JSON document, keys in document order. Strings are plain only where
// no YAML reader could take them for anything else; otherwise double-quoted with JSON escapes.
std::string to_yaml(const nlohmann::ordered_json& doc);

}  // namespace ddbsynth
