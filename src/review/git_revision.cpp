#include "review/git_revision.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "review/run_process.hpp"

namespace ddbsynth::review {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string git(const std::vector<std::string>& args, const std::string& dir) {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv, dir);
  if (r.status != 0) {
    std::string why = trim(r.err);
    throw GitError(fmt::format("git {}: {}", fmt::join(args, " "), why.empty() ? "failed" : why));
  }
  return r.out;
}

}  // namespace

RevisionFile read_at_revision(const std::string& path, const std::string& rev) {
  // A revision starting with '-' would reach git as an option.
  if (rev.empty() || rev.front() == '-') throw GitError(fmt::format("\"{}\" is not a git revision", rev));
  std::filesystem::path p(path);
  std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
  std::string prefix = trim(git({"rev-parse", "--show-prefix"}, dir));
  std::string object = rev + ":" + prefix + p.filename().string();
  return RevisionFile{object, git({"show", object}, dir)};
}

}  // namespace ddbsynth::review
