// What deploying one config over another would do to the live table, from the two models.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth::review {

using Json = nlohmann::ordered_json;

enum class Severity { Error, Warning, Info };
const char* to_string(Severity);  // "error", "warning", "info"

// One difference between the models. `path` is the field's JSON path in the new config, or in
// the old one when the new config no longer has it (`old_only`).
struct Change {
  std::string kind;  // "<field>_changed", or "<thing>_added" / "_removed" / "_changed" for collections
  std::string path;
  Json old_value;  // null when absent
  Json new_value;
  bool old_only = false;
};

struct Finding {
  std::string code;
  Severity severity;
  std::string message;
  std::string path;  // as in Change
  SourcePos pos;     // in the new config: the path, or the nearest field around it that is written
};

struct Plan {
  std::vector<Change> changes;
  std::vector<Finding> findings;  // errors first, then warnings, then infos
  bool has_errors() const;
};

// Every difference that matters to the deployed table (localDev is local only and ignored).
std::vector<Change> model_changes(const Table& old_table, const Table& new_table);

// The changes and what they mean: each change gets at least one finding.
Plan make_plan(const Table& old_table, const Table& new_table);

// "tableConfig.tags.team", or tableConfig.tags["cost center"] for keys that are not identifiers.
std::string member_path(const std::string& parent, const std::string& key);

// The path one level up: "a.b[2]" -> "a.b" -> "a" -> "".
std::string parent_path(const std::string& path);

}  // namespace ddbsynth::review
