// ddbsynth new: a new DynamoDB project as the seed's py#dynamodb generator lays it out.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/output.hpp"
#include "generate/scaffold.hpp"

namespace ddbsynth::cli {
namespace {

struct NewArgs {
  NewOptions options;
  bool quiet = false;
};

int run(const NewArgs& a) {
  ProjectPlan plan;
  std::vector<OutputFile> files;
  try {
    plan = plan_new_project(a.options);
    files = files_to_write(plan, a.options.force);
  } catch (const GenerateError& e) {
    report(e.what());
    return kInvalid;
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
    return kInvalid;
  } catch (const BackendError& e) {
    std::cerr << fmt::format("{}:{}:{}: error: {}\n", e.pos.file, e.pos.line, e.pos.column, e.message);
    return kInvalid;
  }
  try {
    write_files(".", files);
  } catch (const OutputError& e) {
    report(e.what());
    return kInvalid;
  }
  if (!a.quiet)
    for (const auto& f : files) std::cout << "wrote " << f.path << '\n';
  if (!plan.iac_unavailable.empty()) {
    report(plan.iac_unavailable);
    return kFindings;
  }
  return kOk;
}

}  // namespace

void add_new(CLI::App& app) {
  auto a = std::make_shared<NewArgs>();
  NewOptions& o = a->options;
  auto* cmd = app.add_subcommand("new", "Create a Python DynamoDB project (config.json, PynamoDB entities, IaC)");
  cmd->footer(
      "Creates what the Nx py#dynamodb generator creates, relative to the current directory (the\n"
      "workspace root):\n"
      "  <directory>/<sub-directory>/config.json       the table: runtimeConfigKey, localDev (the port\n"
      "                                                every DynamoDB project shares), two default GSIs\n"
      "  <directory>/<sub-directory>/project.json      Nx targets: build, test (base.py in sync with\n"
      "                                                config.json), dev (`ddbsynth local dev`,\n"
      "                                                continuous), infra\n"
      "  <directory>/<sub-directory>/pyproject.toml    <scope>-<package>, needs pynamodb and boto3\n"
      "  <directory>/<sub-directory>/<package>/        __init__.py, client.py, entities/{__init__,base,\n"
      "                                                example}.py\n"
      "  packages/common/constructs/src/{core,app/dynamodb}/   --iac cdk: the cdk-ts target's files\n"
      "  packages/common/terraform/src/app/dynamodb/<stack>/   --iac terraform: the terraform module\n"
      "The IaC is what `ddbsynth synth` writes for config.json; after changing config.json, run the\n"
      "project's infra target (or that synth command, see project.json) to bring it up to date.\n\n"
      "Names: NAME is 1-200 ASCII letters, digits, '-', '_', '.', starting with a letter. The package\n"
      "(and the default sub-directory) is NAME in snake_case: my-table and MyTable give my_table; it\n"
      "must not be a Python keyword. runtimeConfigKey is NAME's class name (my-table: MyTable). With\n"
      "<scope> the npm scope of ./package.json's name (@acme/source: acme; else monorepo, as the seed),\n"
      "the local table is <scope>-<kebab-case of --table-name or NAME> and the one container of the\n"
      "workspace <scope>-dynamodb. --table-name also sets\n"
      "tableConfig.tableName (otherwise the IaC tool generates the physical name) and must follow\n"
      "DynamoDB's rule: 3-255 of A-Z a-z 0-9 _ - .\n\n"
      "Nothing is written if any name is invalid (exit 2) or any file to create already exists (exit 2,\n"
      "unless --force); shared IaC already identical is left as is. All files are written atomically.\n"
      "Exit 1 when this build's backend for --iac produces no files: the rest is written.\n"
      "After changing GSIs in config.json, run `ddbsynth gen pynamodb` in the project.\n\n"
      "Examples:\n"
      "  ddbsynth new my-table                           # packages/my_table, CDK constructs\n"
      "  ddbsynth new orders --iac terraform --table-name orders-prod\n"
      "  ddbsynth new catalog --directory libs --sub-directory data/catalog --infra none\n");
  cmd->add_option("name", o.name, "Project name (runtimeConfigKey; its snake_case is the package)")->required();
  cmd->add_option("--directory", o.directory, "Directory to create the project in")->capture_default_str();
  cmd->add_option("--sub-directory", o.sub_directory, "Project directory under --directory; default: the package name");
  cmd->add_option("--table-name", o.table_name, "DynamoDB table name; default: generated (local: <scope>-NAME)");
  cmd->add_option("--framework", o.framework, "Entity framework: pynamodb")->capture_default_str();
  cmd->add_option("--infra", o.infra, "Infrastructure to generate: dynamodb or none")->capture_default_str();
  cmd->add_option("--iac", o.iac,
                  "IaC: cdk, terraform, or inherit (the workspace's packages/common/terraform if present, else cdk)")
      ->capture_default_str();
  cmd->add_flag("--force", o.force, "Overwrite files that already exist");
  cmd->add_flag("-q,--quiet", a->quiet, "Do not list the files written");
  cmd->callback([a] { g_exit = run(*a); });
}

}  // namespace ddbsynth::cli
