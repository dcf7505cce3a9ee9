#include "generate/iac_layout.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "generate/project_names.hpp"

namespace ddbsynth {
namespace fs = std::filesystem;
namespace {

struct IacTarget {
  std::string_view iac;
  std::string_view backend;
  std::string_view src;  // the common project's sources, relative to the workspace root
};

// The seed always puts the shared IaC project in packages/common, whatever --directory is.
constexpr IacTarget kTargets[] = {
    {"cdk", "cdk-ts", "packages/common/constructs/src"},
    {"terraform", "terraform", "packages/common/terraform/src"},
};

const IacTarget* target(std::string_view iac) {
  for (const auto& t : kTargets)
    if (t.iac == iac) return &t;
  return nullptr;
}

bool under(std::string_view path, std::string_view dir) {
  return path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/';
}

}  // namespace

std::string resolve_iac(const std::string& iac) {
  if (iac != "inherit") {
    if (!target(iac)) throw GenerateError(fmt::format("unknown --iac \"{}\" (choose cdk, terraform or inherit)", iac));
    return iac;
  }
  std::error_code ec;
  if (fs::exists(fs::path(target("terraform")->src).parent_path(), ec)) return "terraform";
  return "cdk";
}

IacFiles iac_files(const std::string& iac, const Table& table) {
  const IacTarget& t = *target(iac);
  IacFiles out;
  out.backend = t.backend;
  const Backend* backend = find_backend(t.backend);
  std::vector<OutputFile> produced;
  if (backend) produced = backend->synth(table, BackendOptions{});
  // A backend that writes the seed's workspace layout itself (packages/common/...) is synthesized
  // into the workspace root; one that lays out core/ and app/, into src/; one that writes only
  // the table's own files, into src/app/dynamodb/.
  auto any = [&](auto pred) { return std::any_of(produced.begin(), produced.end(), pred); };
  bool workspace_tree = any([](const OutputFile& f) { return under(f.path, "packages"); });
  bool seed_tree = any([](const OutputFile& f) { return under(f.path, "core") || under(f.path, "app"); });
  out.synth_out = workspace_tree ? "." : std::string(t.src) + (seed_tree ? "" : "/app/dynamodb");
  if (produced.empty()) {
    out.unavailable = fmt::format("the {} target {} this build, so no {} infrastructure was generated; "
                                  "run `ddbsynth synth {} --target {} --out {}` once it does",
                                  t.backend, backend ? "produces no files in" : "is not part of", iac,
                                  table.source_file, t.backend, out.synth_out);
    return out;
  }
  for (auto& f : produced) {
    std::string path = workspace_tree ? f.path : out.synth_out + "/" + f.path;
    bool shared = !under(path, std::string(t.src) + "/app");
    out.files.push_back(PlannedFile{OutputFile{std::move(path), std::move(f.content), f.sharing}, shared});
  }
  return out;
}

}  // namespace ddbsynth
