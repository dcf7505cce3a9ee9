// ddbsynth connect: what the seed's FastAPI / Strands agent / MCP server -> DynamoDB connection
// generators do. The source project depends on the table's package (its pyproject.toml names it in
// [project].dependencies and [tool.uv.sources] as a workspace member), and the source's `dev` target
// depends on the table's `dev`, so Nx starts DynamoDB Local and the table first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ddbsynth/output.hpp"

namespace ddbsynth {

struct ConnectPlan {
  std::vector<OutputFile> files;   // only those that change; empty when already connected
  std::vector<std::string> notes;  // one line each, for the user
};

// A project is a directory with a project.json, or the "name" in one under `workspace` (skipping
// node_modules and hidden directories). Throws GenerateError (nothing to write) for an unknown,
// ambiguous or identical project, a table project without a valid config.json with localDev or
// without a pyproject.toml [project].name, or a source without project.json / pyproject.toml;
// InputError for an invalid table config.
ConnectPlan plan_connect(const std::filesystem::path& workspace, const std::string& source, const std::string& table);

}  // namespace ddbsynth
