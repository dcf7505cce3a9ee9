#include "local/endpoint.hpp"

#include <fmt/format.h>

namespace ddbsynth::local {

std::optional<Endpoint> parse_endpoint(const std::string& url) {
  std::string rest;
  for (std::string_view scheme : {"http://", "https://"})
    if (url.starts_with(scheme)) rest = url.substr(scheme.size());
  if (rest.empty()) return std::nullopt;
  std::string trimmed = url;
  if (rest.ends_with('/')) {
    rest.pop_back();
    trimmed.pop_back();
  }
  // A path would change what SigV4 signs, and DynamoDB has none; userinfo would leak into logs.
  if (rest.empty() || rest.find_first_of("/?#@ ") != std::string::npos) return std::nullopt;
  return Endpoint{trimmed, rest};
}

std::string default_endpoint(const LocalDev& local) { return fmt::format("http://localhost:{}", local.port); }

}  // namespace ddbsynth::local
