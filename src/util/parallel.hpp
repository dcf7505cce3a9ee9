// Runs fn(0..n-1) on up to `jobs` threads. fn must not throw; each call owns its index's slot.
#pragma once

#include <cstddef>
#include <functional>

namespace ddbsynth {

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace ddbsynth
