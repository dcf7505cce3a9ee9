#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ddbsynth {

// The candidate closest to `word` by edit distance, or "" when none is close enough to suggest.
std::string closest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace ddbsynth
