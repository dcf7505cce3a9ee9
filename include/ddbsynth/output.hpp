// Writing generated files so that a reader never sees a half-written set.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "ddbsynth/backend.hpp"

namespace ddbsynth {

// The output could not be written (permissions, full disk, a file in the way).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes every file under `dir` (created if missing), or none of them: all go to temporary
// names first and are renamed into place only once every one was written and flushed.
void write_files(const std::filesystem::path& dir, const std::vector<OutputFile>& files);

}  // namespace ddbsynth
