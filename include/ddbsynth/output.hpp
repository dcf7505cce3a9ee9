// Writing generated files so that a reader never sees a half-written set.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ddbsynth/backend.hpp"

namespace ddbsynth {

// The output could not be written (permissions, full disk, a file in the way).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A set of files written all or not at all. Each file goes to a temporary name in its final
// directory as soon as it is added, so the set need not fit in memory; commit() renames them
// into place. Destroyed without a commit, it removes its temporaries and the directories it
// created: an existing output directory is left exactly as it was.
class OutputSet {
 public:
  explicit OutputSet(std::filesystem::path dir);
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  void add(const OutputFile& file);
  void commit();
  // The final paths, in the order the files were added.
  std::vector<std::filesystem::path> paths() const;

 private:
  void ensure_directory(const std::filesystem::path& dir);
  void rollback() noexcept;

  std::filesystem::path dir_;
  std::vector<std::pair<std::string, std::filesystem::path>> staged_;  // temporary, final
  std::vector<std::filesystem::path> created_;                         // in creation order
  std::unordered_set<std::string> ready_;                              // directories known to exist
  bool committed_ = false;
};

// Writes every file under `dir` (created if missing), or none of them.
void write_files(const std::filesystem::path& dir, const std::vector<OutputFile>& files);

}  // namespace ddbsynth
