#include "review/color.hpp"

#include <unistd.h>

#include <cstdlib>

namespace ddbsynth::review {

bool want_color(std::string_view mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

}  // namespace ddbsynth::review
