// Configs to files: the step `synth` writes out and `check` compares.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth {

// Every file `backend` produces for `tables`, in config order. Throws InputError (located) when
// the backend cannot express a table or when two configs would produce the same file.
std::vector<OutputFile> synthesize(const Backend& backend, const std::vector<Table>& tables,
                                   const BackendOptions& options);

// Reads, validates and synthesizes every config, `jobs` at a time (0: one per core), and hands
// the files to `sink` in config order, as `synthesize` would list them: the output depends on
// the configs alone, never on `jobs`. Only a bounded window of tables is in memory at once.
// Returns the diagnostics of every invalid config, in config order; once there is one, `sink`
// is not called again.
std::vector<Diagnostic> synthesize_configs(const Backend& backend, const std::vector<std::string>& paths,
                                           const BackendOptions& options, unsigned jobs,
                                           const std::function<void(OutputFile&&)>& sink);

// `jobs` as the user gave it: 0 means every core.
unsigned effective_jobs(unsigned jobs);

}  // namespace ddbsynth
