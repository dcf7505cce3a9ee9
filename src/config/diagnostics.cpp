#include "ddbsynth/diagnostics.hpp"

#include <fmt/format.h>

namespace ddbsynth {
namespace {

std::string join(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) {
    if (!out.empty()) out += '\n';
    out += d.format();
  }
  return out;
}

}  // namespace

std::string Diagnostic::format() const {
  return fmt::format("{}:{}:{}: error: {}", pos.file, pos.line, pos.column, message);
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourcePos pos, std::string message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(pos), std::move(message)}}) {}

}  // namespace ddbsynth
