// Picking the DynamoDB Local port of a new project so that its `dev` target can run alongside
// the other projects' ones.
#pragma once

#include <filesystem>

namespace ddbsynth {

// The lowest port from 8000 up that no config.json under `dir` (searched recursively, skipping
// node_modules and hidden directories) uses as localDev.port. A config with localDev and no
// port uses 8000, the contract's default. Unreadable or invalid files are ignored: they hold
// no port to avoid.
int free_local_port(const std::filesystem::path& dir);

}  // namespace ddbsynth
