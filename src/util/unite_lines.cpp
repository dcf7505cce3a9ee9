#include <string>
#include <string_view>
#include <unordered_set>

#include "ddbsynth/backend.hpp"

namespace ddbsynth {
namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    out.push_back(s.substr(0, nl));
    s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
  }
  return out;
}

}  // namespace

std::string unite_lines(std::string_view base, std::string_view add) {
  std::string out(base);
  if (!out.empty() && out.back() != '\n') out += '\n';
  std::unordered_set<std::string_view> have;
  for (auto l : lines_of(base)) have.insert(l);
  for (auto l : lines_of(add))
    if (have.insert(l).second) (out += l) += '\n';
  return out;
}

}  // namespace ddbsynth
