#include "review/golden.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

namespace ddbsynth::review {
namespace fs = std::filesystem;
namespace {

std::map<std::string, fs::path> files_under(const fs::path& dir) {
  std::map<std::string, fs::path> out;  // relative '/'-path -> path
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  if (!fs::is_directory(dir, ec)) throw GoldenError(fmt::format("{} is not a directory", dir.string()));
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) out.emplace(fs::relative(it->path(), dir, ec).generic_string(), it->path());
  if (ec) throw GoldenError(fmt::format("cannot read {}: {}", dir.string(), ec.message()));
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) throw GoldenError(fmt::format("cannot read {}", p.string()));
  return ss.str();
}

// A diff of an empty file against nothing has no lines; the headers alone still say which.
std::string diff_or_headers(std::string_view old_text, std::string_view new_text, const std::string& old_label,
                            const std::string& new_label, const DiffStyle& style) {
  std::string d = unified_diff(old_text, new_text, old_label, new_label, style);
  return d.empty() ? fmt::format("--- {}\n+++ {}\n", old_label, new_label) : d;
}

}  // namespace

std::vector<FileDrift> compare_with_directory(const std::vector<OutputFile>& expected, const fs::path& dir,
                                              const DiffStyle& style) {
  auto present = files_under(dir);
  std::map<std::string, FileDrift> drifts;  // sorted by path
  auto label = [&](const std::string& rel) { return (dir / rel).generic_string(); };
  for (const auto& f : expected) {
    auto it = present.find(f.path);
    if (it == present.end()) {
      drifts[f.path] = {f.path, Drift::Missing, diff_or_headers("", f.content, "/dev/null", label(f.path), style)};
      continue;
    }
    std::string golden = read(it->second);
    present.erase(it);
    // What `synth --out DIR` would leave there: a line set keeps the lines other configs added.
    std::string want = f.sharing == Sharing::Lines ? unite_lines(golden, f.content) : f.content;
    if (golden != want)
      drifts[f.path] = {f.path, Drift::Changed, unified_diff(golden, want, label(f.path), label(f.path), style)};
  }
  for (const auto& [rel, path] : present)
    drifts[rel] = {rel, Drift::Extra, diff_or_headers(read(path), "", label(rel), "/dev/null", style)};
  std::vector<FileDrift> out;
  for (auto& [_, d] : drifts) out.push_back(std::move(d));
  return out;
}

}  // namespace ddbsynth::review
