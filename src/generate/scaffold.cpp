#include "generate/scaffold.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>

#include "ddbsynth/config.hpp"
#include "generate/file_text.hpp"
#include "generate/iac_layout.hpp"
#include "generate/local_port.hpp"
#include "generate/pynamodb.hpp"
#include "generate/python_package.hpp"

namespace ddbsynth {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kLocalImage = "public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest";

// The seed's two overloadable GSIs; entities/example.py uses both.
Json default_gsis() {
  Json gsis = Json::array();
  for (std::string n : {"gsi1", "gsi2"})
    gsis.push_back(Json{{"indexName", n + "pk-" + n + "sk-index"}, {"partitionKey", n + "pk"}, {"sortKey", n + "sk"}});
  return gsis;
}

std::string config_json(const ProjectNames& n, int port) {
  Json table = Json::object();
  if (n.table_name) table["tableName"] = *n.table_name;
  table["globalSecondaryIndexes"] = default_gsis();
  Json c{{"runtimeConfigKey", n.runtime_config_key},
         {"localDev", Json{{"port", port},
                           {"tableName", n.local_table_name},
                           {"image", kLocalImage},
                           {"containerName", n.container_name}}},
         {"tableConfig", table}};
  return c.dump(2) + "\n";
}

// What the seed's py project declares, so that uv or pip installs the package as a workspace
// member: the generated client and entities import pynamodb and boto3 (the seed also adds
// aws-lambda-powertools, which nothing generated here imports). The seed pins versions from its own
// table; ddbsynth leaves them to the workspace's lock file.
std::string pyproject_toml(const ProjectNames& n) {
  return fmt::format(
      "[project]\n"
      "name = \"{}\"\n"
      "version = \"1.0.0\"\n"
      "description = \"The {} DynamoDB table: PynamoDB entities and client\"\n"
      "requires-python = \">=3.10\"\n"
      "dependencies = [\n"
      "  \"pynamodb\",\n"
      "  \"boto3\",\n"
      "]\n"
      "\n"
      "[build-system]\n"
      "requires = [\"hatchling\"]\n"
      "build-backend = \"hatchling.build\"\n"
      "\n"
      "[tool.hatch.build.targets.wheel]\n"
      "packages = [\"{}\"]\n",
      n.distribution, n.runtime_config_key, n.package);
}

Json run_target(std::string command) {
  return Json{{"executor", "nx:run-commands"},
              {"options", Json{{"command", std::move(command)}, {"cwd", "{projectRoot}"}}}};
}

// Nx targets: build byte-compiles the package, test checks that entities/base.py still matches
// config.json, dev shares the workspace's DynamoDB Local, creates or updates the table and
// streams the container's log until stopped, infra rewrites the IaC from config.json after a change.
std::string project_json(const ProjectNames& n, const IacFiles* iac) {
  Json targets{{"build", run_target("python3 -m compileall -q " + n.package)},
               {"test", run_target("ddbsynth gen pynamodb --check")},
               {"dev", run_target("ddbsynth local dev")}};
  // Long-running, like the seed's: Nx starts it and moves on to the targets that depend on it.
  targets["dev"]["continuous"] = true;
  if (iac) {
    // From the workspace root (Nx's default cwd), as `new` ran: the cdk-ts constructs name the
    // config by its path from there.
    targets["infra"] = Json{{"executor", "nx:run-commands"},
                            {"options", Json{{"command", fmt::format("ddbsynth synth {} --target {} --out {} -q",
                                                                     (n.root / "config.json").generic_string(),
                                                                     iac->backend, iac->synth_out)}}}};
  }
  Json p{{"name", n.package},
         {"projectType", "library"},
         {"sourceRoot", (n.root / n.package).generic_string()},
         {"targets", targets}};
  return p.dump(2) + "\n";
}

}  // namespace

ProjectPlan plan_new_project(const NewOptions& o) {
  if (o.framework != "pynamodb")
    throw GenerateError(fmt::format("unknown --framework \"{}\" (frameworks: pynamodb)", o.framework));
  if (o.infra != "dynamodb" && o.infra != "none")
    throw GenerateError(fmt::format("unknown --infra \"{}\" (choose dynamodb or none)", o.infra));
  ProjectPlan plan;
  plan.names = derive_names(o);
  const ProjectNames& n = plan.names;
  if (o.infra == "dynamodb") plan.iac = resolve_iac(o.iac);

  fs::path config_path = n.root / "config.json";
  std::string config = config_json(n, shared_local_port(o.directory));
  Table table = parse_config(config, config_path.string());

  auto add = [&](fs::path path, std::string content, bool shared = false) {
    plan.files.push_back(PlannedFile{OutputFile{path.generic_string(), std::move(content)}, shared});
  };
  std::optional<IacFiles> iac;
  if (!plan.iac.empty()) iac = iac_files(plan.iac, table);
  add(config_path, config);
  add(n.root / "project.json", project_json(n, iac ? &*iac : nullptr));
  add(n.root / "pyproject.toml", pyproject_toml(n));
  for (auto& f : python_package_files(n)) add(n.root / f.path, std::move(f.content));
  add(n.root / n.package / "entities" / "base.py", render_base_py(table));
  if (iac) {
    plan.iac_unavailable = iac->unavailable;
    for (auto& f : iac->files) plan.files.push_back(std::move(f));
  }
  return plan;
}

std::vector<OutputFile> files_to_write(const ProjectPlan& plan, bool force) {
  std::vector<OutputFile> out;
  std::vector<std::string> in_the_way;
  for (const auto& f : plan.files) {
    std::error_code ec;
    if (!fs::exists(f.file.path, ec)) {
      out.push_back(f.file);
      continue;
    }
    if (f.file.sharing == Sharing::Lines) {  // an index other tables' projects added to: add this table's lines
      std::string old = file_text(f.file.path).value_or("");
      std::string united = unite_lines(old, f.file.content);
      if (united != old) out.push_back(OutputFile{f.file.path, united});
      continue;
    }
    if (f.shared && file_text(f.file.path) == f.file.content) continue;
    if (force)
      out.push_back(f.file);
    else
      in_the_way.push_back(f.file.path);
  }
  if (!in_the_way.empty())
    throw GenerateError(fmt::format("{} file(s) already exist, nothing was written (use --force to overwrite):\n  {}",
                                    in_the_way.size(), fmt::join(in_the_way, "\n  ")));
  return out;
}

}  // namespace ddbsynth
