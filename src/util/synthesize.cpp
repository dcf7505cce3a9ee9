#include "ddbsynth/synthesize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ddbsynth/diagnostics.hpp"

namespace ddbsynth {

std::vector<OutputFile> synthesize(const Backend& backend, const std::vector<Table>& tables,
                                   const BackendOptions& options) {
  std::vector<OutputFile> files;
  std::map<std::string, std::string> owner;  // output path -> config that produced it
  for (const auto& t : tables) {
    std::vector<OutputFile> produced;
    try {
      produced = backend.synth(t, options);
    } catch (const BackendError& e) {
      throw InputError(e.pos, e.message);
    }
    for (auto& f : produced) {
      auto [it, fresh] = owner.emplace(f.path, t.source_file);
      if (!fresh) {
        auto same = std::find_if(files.begin(), files.end(), [&](const OutputFile& o) { return o.path == f.path; });
        if (same->sharing == Sharing::Identical && f.sharing == Sharing::Identical && same->content == f.content)
          continue;
        if (same->sharing == Sharing::Lines && f.sharing == Sharing::Lines) {
          same->content = unite_lines(same->content, f.content);
          continue;
        }
        throw InputError(SourcePos{t.source_file, 1, 1},
                         fmt::format("output {} is also produced by {}: give the configs distinct runtimeConfigKey "
                                     "or cdk.stackName",
                                     f.path, it->second));
      }
      files.push_back(std::move(f));
    }
  }
  return files;
}

}  // namespace ddbsynth
