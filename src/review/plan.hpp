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

// What an engine decides to do with the deployed table for a change. The cloudformation and cdk
// targets both deploy through CloudFormation; they differ where the cdk target's logical ID does.
enum class Effect {
  Update,       // changed in place
  Replace,      // a new, empty table replaces it (the engine's plan; the deploy may still stop, e.g.
                // on a fixed table name or Terraform's prevent_destroy: the message says so)
  Fail,         // attempted in place, and refused: the update fails and rolls back
  NoChange,     // the engine plans nothing for it; the table stays as it is
  SecondTable,  // a second table is created beside the old one, which stays
};
const char* to_string(Effect);  // "update", "replace", "fail", "no_change", "second_table"

struct Engines {
  Effect cloudformation = Effect::Update;  // the cloudformation target
  Effect cdk = Effect::Update;             // the cdk and cdk-ts targets
  Effect terraform = Effect::Update;
  bool operator==(const Engines&) const = default;
};

struct Finding {
  std::string code;
  Severity severity;
  std::string message;
  std::string path;  // as in Change
  SourcePos pos;     // in the new config: the path, or the nearest field around it that is written
  Engines engines;
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
