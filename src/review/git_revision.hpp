// Reading a file as it was at a git revision (`plan config.json --against main`).
#pragma once

#include <stdexcept>
#include <string>

namespace ddbsynth::review {

struct RevisionFile {
  std::string name;  // "REV:path/from/repo/root", as messages show it
  std::string text;
};

// git failed (not a repository, unknown revision, no such file there): git's own message.
struct GitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `path` (a file in a work tree) at revision `rev`: git runs in the file's directory and reads
// `git show REV:<path relative to the repository root>`.
RevisionFile read_at_revision(const std::string& path, const std::string& rev);

}  // namespace ddbsynth::review
