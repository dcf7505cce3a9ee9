// String order of JavaScript's String.prototype.localeCompare (ICU root collation), which the
// AWS CDK uses to sort tags. Exact for ASCII; other characters sort after ASCII by code point.
#pragma once

#include <string_view>

namespace ddbsynth {

bool locale_less(std::string_view a, std::string_view b);

}  // namespace ddbsynth
