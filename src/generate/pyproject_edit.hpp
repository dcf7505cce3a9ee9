// Adding a workspace dependency to a pyproject.toml as text, so the user's formatting and comments
// stay: the seed's connection generators add the table package to [project].dependencies and
// to [tool.uv.sources] with workspace = true.
#pragma once

#include <optional>
#include <string>

namespace ddbsynth {

// The [project].name, or nullopt when there is none.
std::optional<std::string> pyproject_name(const std::string& toml);

// The text with `distribution` in [project].dependencies and `distribution = { workspace = true }`
// in [tool.uv.sources], each only when missing. Throws GenerateError when the file has no
// [project] table or declares those in a shape this edit does not handle (say, inline tables).
std::string add_workspace_dependency(const std::string& toml, const std::string& distribution);

}  // namespace ddbsynth
