// Reading a config file (JSON or YAML, see ../shared/spec/config.md) into a validated Table.
#pragma once

#include <string>
#include <string_view>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

// What reading adds of the entity design review (design_review.hpp): its error findings are
// errors, as for any invalid field (every command but `model`), or it is left to the caller.
enum class DesignCheck { Errors, None };

// Reads and validates `path`. Throws InputError with every problem found, located.
Table load_config(const std::string& path, DesignCheck check = DesignCheck::Errors);

// The same for text already in memory; `path` names it in messages and picks JSON or YAML
// by extension (.yaml/.yml are YAML, anything else JSON).
Table parse_config(std::string_view text, const std::string& path, DesignCheck check = DesignCheck::Errors);

}  // namespace ddbsynth
