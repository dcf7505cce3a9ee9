// Where DynamoDB Local (or any DynamoDB-compatible server) answers.
#pragma once

#include <optional>
#include <string>

#include "ddbsynth/model.hpp"

namespace ddbsynth::local {

struct Endpoint {
  std::string url;        // as given, without a trailing "/"
  std::string authority;  // "localhost:8000": the Host header
};

// An http:// or https:// URL with a host and no path, query or credentials; nullopt otherwise.
std::optional<Endpoint> parse_endpoint(const std::string& url);

// http://localhost:<localDev.port>
std::string default_endpoint(const LocalDev& local);

}  // namespace ddbsynth::local
