// The DynamoDB Local port of a new project: like the seed, one port shared by every DynamoDB
// project of the workspace, since all their `dev` targets share one container.
#pragma once

#include <filesystem>

namespace ddbsynth {

// The port the config.json files with a localDev under `dir` (searched recursively, skipping
// node_modules and hidden directories) use — the lowest, should they disagree. With none, as the
// seed, the lowest port from 8000 (the contract's default) that no project.json there reserves in
// metadata.ports or metadata.port (say, a FastAPI project's dev server). A localDev without a port
// uses 8000. Unreadable or invalid files are ignored.
int shared_local_port(const std::filesystem::path& dir);

}  // namespace ddbsynth
