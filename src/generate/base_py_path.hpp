// Finding the entities/base.py that `ddbsynth gen pynamodb` regenerates for a config.json.
#pragma once

#include <filesystem>
#include <string>

namespace ddbsynth {

// `<project_dir>/<package>/entities/base.py`. With `package` empty, the one package directly
// under `project_dir` that has an entities/base.py; GenerateError when there is none or more
// than one (then the caller names it).
std::filesystem::path find_base_py(const std::filesystem::path& project_dir, const std::string& package);

}  // namespace ddbsynth
