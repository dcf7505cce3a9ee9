// Comparing files synthesized in memory with the committed ones in a directory.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "ddbsynth/backend.hpp"
#include "review/unified_diff.hpp"

namespace ddbsynth::review {

enum class Drift { Changed, Missing, Extra };  // Missing: not in the directory; Extra: not produced

struct FileDrift {
  std::string path;  // relative to the directory, '/'-separated
  Drift drift;
  std::string diff;  // from the directory's file to the synthesized one
};

// The directory could not be read.
struct GoldenError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Every file that differs between `expected` and the regular files under `dir` (searched
// recursively; a missing directory holds no files), sorted by path. Diff labels are
// `dir`/path, with /dev/null for the side that has no file, so `patch -p0` applies them.
std::vector<FileDrift> compare_with_directory(const std::vector<OutputFile>& expected, const std::filesystem::path& dir,
                                              const DiffStyle& style = {});

}  // namespace ddbsynth::review
