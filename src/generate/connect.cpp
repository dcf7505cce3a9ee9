#include "generate/connect.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ddbsynth/config.hpp"
#include "generate/file_text.hpp"
#include "generate/project_names.hpp"
#include "generate/pyproject_edit.hpp"

namespace ddbsynth {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;

struct Project {
  fs::path root;
  std::string name;  // project.json's "name"
  Json json;
};

Json read_project_json(const fs::path& file) {
  auto text = file_text(file);
  if (!text) throw GenerateError(fmt::format("cannot read {}", file.generic_string()));
  Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw GenerateError(fmt::format("{}: not a JSON object", file.generic_string()));
  return j;
}

std::string name_of(const Json& j, const fs::path& root) {
  return j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : root.filename().string();
}

Project find_project(const fs::path& workspace, const std::string& wanted) {
  std::error_code ec;
  if (fs::is_regular_file(fs::path(wanted) / "project.json", ec)) {
    Json j = read_project_json(fs::path(wanted) / "project.json");
    return Project{fs::path(wanted).lexically_normal(), name_of(j, wanted), j};
  }
  std::vector<Project> found;
  fs::recursive_directory_iterator it(workspace, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string base = it->path().filename().string();
    if (it->is_directory(ec) && (base == "node_modules" || base.starts_with('.'))) {
      it.disable_recursion_pending();
      continue;
    }
    if (base != "project.json" || !it->is_regular_file(ec)) continue;
    auto text = file_text(it->path());
    Json j = text ? Json::parse(*text, nullptr, false) : Json();
    if (j.is_object() && j.contains("name") && j["name"] == wanted)
      found.push_back(Project{it->path().parent_path().lexically_relative(workspace), wanted, j});
  }
  if (found.empty())
    throw GenerateError(fmt::format("no project \"{}\": give a project.json \"name\" under {} or a project directory",
                                    wanted, workspace.generic_string()));
  if (found.size() > 1)
    throw GenerateError(fmt::format("{} projects are named \"{}\" ({} and {}): give the project directory instead",
                                    found.size(), wanted, found[0].root.generic_string(),
                                    found[1].root.generic_string()));
  found[0].root = (workspace / found[0].root).lexically_normal();
  return found[0];
}

// The seed's addDependencyToTargetIfNotPresent: {"projects": [table], "target": "dev"} once.
bool add_dev_dependency(Json& target, const std::string& table) {
  Json& deps = target["dependsOn"];
  if (deps.is_null()) deps = Json::array();
  if (!deps.is_array()) throw GenerateError("its dev target's dependsOn is not an array");
  for (const auto& d : deps)
    if (d.is_object() && d.value("target", "") == "dev" && d.contains("projects") && d["projects"].is_array())
      for (const auto& p : d["projects"])
        if (p == table) return false;
  deps.push_back(Json{{"projects", Json::array({table})}, {"target", "dev"}});
  return true;
}

}  // namespace

ConnectPlan plan_connect(const fs::path& workspace, const std::string& source_name, const std::string& table_name) {
  Project table = find_project(workspace, table_name);
  Project source = find_project(workspace, source_name);
  if (fs::weakly_canonical(table.root) == fs::weakly_canonical(source.root))
    throw GenerateError(fmt::format("\"{}\" and \"{}\" are the same project", source_name, table_name));

  fs::path config = table.root / "config.json";
  auto config_text = file_text(config);
  if (!config_text)
    throw GenerateError(fmt::format("{} is not a DynamoDB project: it has no config.json (create one with "
                                    "`ddbsynth new`)",
                                    table.root.generic_string()));
  Table t = parse_config(*config_text, config.generic_string());
  if (!t.local_dev)
    throw GenerateError(fmt::format("{}: no localDev, so no local table for the source's dev to use",
                                    config.generic_string()));
  fs::path table_py = table.root / "pyproject.toml";
  auto table_toml = file_text(table_py);
  auto dist = table_toml ? pyproject_name(*table_toml) : std::nullopt;
  if (!dist)
    throw GenerateError(fmt::format("{} has no [project].name: the table package must be a Python project "
                                    "(`ddbsynth new` writes one)",
                                    table_py.generic_string()));

  fs::path source_py = source.root / "pyproject.toml";
  auto source_toml = file_text(source_py);
  if (!source_toml)
    throw GenerateError(fmt::format("{} has no pyproject.toml: the source must be a Python project",
                                    source.root.generic_string()));
  std::string edited;
  try {
    edited = add_workspace_dependency(*source_toml, *dist);
  } catch (const GenerateError& e) {
    throw GenerateError(fmt::format("{}: {}", source_py.generic_string(), e.what()));
  }

  ConnectPlan plan;
  if (edited != *source_toml) {
    plan.files.push_back(OutputFile{source_py.generic_string(), edited});
    plan.notes.push_back(fmt::format("{}: depends on {} (a uv workspace member)", source_py.generic_string(), *dist));
  } else {
    plan.notes.push_back(fmt::format("{} already depends on {}", source_py.generic_string(), *dist));
  }
  fs::path source_project = source.root / "project.json";
  Json& targets = source.json["targets"];
  if (!targets.is_object() || !targets.contains("dev")) {
    // As the seed: only a dev target can wait for the table's.
    plan.notes.push_back(fmt::format("{} has no dev target: nothing to wait for {}'s dev", source_project.generic_string(),
                                     table.name));
    if (targets.is_null()) source.json.erase("targets");
  } else {
    bool added;
    try {
      added = add_dev_dependency(targets["dev"], table.name);
    } catch (const GenerateError& e) {
      throw GenerateError(fmt::format("{}: {}", source_project.generic_string(), e.what()));
    }
    if (added) {
      plan.files.push_back(OutputFile{source_project.generic_string(), source.json.dump(2) + "\n"});
      plan.notes.push_back(fmt::format("{}: dev depends on {}:dev", source_project.generic_string(), table.name));
    } else {
      plan.notes.push_back(fmt::format("{}: dev already depends on {}:dev", source_project.generic_string(), table.name));
    }
  }
  return plan;
}

}  // namespace ddbsynth
