// A position in a config file, for messages about what was read from it.
#pragma once

#include <string>

namespace ddbsynth {

struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

}  // namespace ddbsynth
