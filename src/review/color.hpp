// Whether output gets ANSI colours (--color=auto|always|never).
#pragma once

#include <string_view>

namespace ddbsynth::review {

// "always" and "never" say so; "auto" colours when stdout is a terminal and NO_COLOR is unset
// or empty (https://no-color.org).
bool want_color(std::string_view mode);

}  // namespace ddbsynth::review
