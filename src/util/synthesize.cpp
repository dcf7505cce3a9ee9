#include "ddbsynth/synthesize.hpp"

#include <fmt/format.h>

#include <map>
#include <thread>
#include <unordered_map>

#include "ddbsynth/config.hpp"
#include "util/parallel.hpp"

namespace ddbsynth {
namespace {

// Several tables' files into one set: a path belongs to one config, except files the backend
// marks as shared (identical library code, written once; line sets, united and written last).
class Merger {
 public:
  explicit Merger(const std::function<void(OutputFile&&)>& sink) : sink_(sink) {}

  // Throws InputError when `f` clashes with an earlier config's file.
  void add(const std::string& source, OutputFile&& f) {
    auto [it, fresh] = owner_.try_emplace(f.path, Owner{source, f.sharing, {}});
    Owner& o = it->second;
    if (!fresh) {
      if (o.sharing == Sharing::Identical && f.sharing == Sharing::Identical && o.content == f.content) return;
      if (o.sharing == Sharing::Lines && f.sharing == Sharing::Lines) {
        lines_[o.content] = unite_lines(lines_[o.content], f.content);
        return;
      }
      throw InputError(SourcePos{source, 1, 1},
                       fmt::format("output {} is also produced by {}: give the configs distinct runtimeConfigKey "
                                   "or cdk.stackName",
                                   f.path, o.source));
    }
    if (f.sharing == Sharing::Identical) o.content = f.content;
    if (f.sharing == Sharing::Lines) {  // held back until every table added its lines
      o.content = f.path;
      order_.push_back(f.path);
      lines_[f.path] = std::move(f.content);
      return;
    }
    sink_(std::move(f));
  }

  void finish() {
    for (auto& path : order_) sink_(OutputFile{path, std::move(lines_[path]), Sharing::Lines});
  }

 private:
  struct Owner {
    std::string source;
    Sharing sharing;
    std::string content;  // Identical: the content; Lines: the key into lines_
  };
  const std::function<void(OutputFile&&)>& sink_;
  std::unordered_map<std::string, Owner> owner_;
  std::map<std::string, std::string> lines_;
  std::vector<std::string> order_;
};

// A window of tables in flight: enough to keep every core busy, few enough to bound memory.
constexpr size_t kWindowPerJob = 64;

}  // namespace

unsigned effective_jobs(unsigned jobs) {
  if (jobs) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

std::vector<OutputFile> synthesize(const Backend& backend, const std::vector<Table>& tables,
                                   const BackendOptions& options) {
  std::vector<OutputFile> files;
  std::function<void(OutputFile&&)> sink = [&](OutputFile&& f) { files.push_back(std::move(f)); };
  Merger merger(sink);
  for (const auto& t : tables) {
    std::vector<OutputFile> produced;
    try {
      produced = backend.synth(t, options);
    } catch (const BackendError& e) {
      throw InputError(e.pos, e.message);
    }
    for (auto& f : produced) merger.add(t.source_file, std::move(f));
  }
  merger.finish();
  return files;
}

std::vector<Diagnostic> synthesize_configs(const Backend& backend, const std::vector<std::string>& paths,
                                           const BackendOptions& options, unsigned jobs,
                                           const std::function<void(OutputFile&&)>& sink) {
  struct Slot {
    std::vector<Diagnostic> errors;
    std::vector<OutputFile> files;
  };
  jobs = effective_jobs(jobs);
  std::vector<Diagnostic> errors;
  Merger merger(sink);
  const size_t window = kWindowPerJob * jobs;
  for (size_t start = 0; start < paths.size(); start += window) {
    std::vector<Slot> slots(std::min(window, paths.size() - start));
    parallel_for(slots.size(), jobs, [&](size_t i) {
      try {
        slots[i].files = backend.synth(load_config(paths[start + i]), options);
      } catch (const InputError& e) {
        slots[i].errors = e.diagnostics();
      } catch (const BackendError& e) {
        slots[i].errors.push_back(Diagnostic{e.pos, e.message});
      }
    });
    for (size_t i = 0; i < slots.size(); ++i) {
      auto& s = slots[i];
      errors.insert(errors.end(), s.errors.begin(), s.errors.end());
      if (!errors.empty()) continue;
      try {
        for (auto& f : s.files) merger.add(paths[start + i], std::move(f));
      } catch (const InputError& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
  }
  if (errors.empty()) merger.finish();
  return errors;
}

}  // namespace ddbsynth
