#include <fmt/format.h>

#include "review/plan_render.hpp"

namespace ddbsynth::review {

std::string render_text(const Plan& plan, bool color) {
  // Colours as GCC uses them for the severity word.
  static const char* const kColors[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};
  if (plan.changes.empty()) return "no changes\n";
  std::string out;
  int counts[3] = {};
  for (const auto& f : plan.findings) {
    int s = static_cast<int>(f.severity);
    ++counts[s];
    out += fmt::format("{}:{}:{}: {}{}{}: {}: {}\n", f.pos.file, f.pos.line, f.pos.column, color ? kColors[s] : "",
                       to_string(f.severity), color ? "\033[0m" : "", f.code, f.message);
  }
  auto plural = [](int n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  out += fmt::format("{}: {}, {}, {}\n", plural(static_cast<int>(plan.changes.size()), "change"),
                     plural(counts[0], "error"), plural(counts[1], "warning"), plural(counts[2], "info"));
  return out;
}

}  // namespace ddbsynth::review
