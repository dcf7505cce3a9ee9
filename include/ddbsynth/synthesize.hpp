// Configs to files, in memory: the step `synth` writes out and `check` compares.
#pragma once

#include <vector>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth {

// Every file `backend` produces for `tables`, in config order. Throws InputError (located) when
// the backend cannot express a table or when two configs would produce the same file.
std::vector<OutputFile> synthesize(const Backend& backend, const std::vector<Table>& tables,
                                   const BackendOptions& options);

}  // namespace ddbsynth
