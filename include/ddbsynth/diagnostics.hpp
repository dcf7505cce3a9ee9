// Located errors about input, printed GCC style: file:line:col: error: message
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

struct Diagnostic {
  SourcePos pos;
  std::string message;
  std::string format() const;  // "file:line:col: error: message"
};

// Invalid input: one or more located diagnostics. Callers print them and exit 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(SourcePos pos, std::string message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace ddbsynth
