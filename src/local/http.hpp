// A minimal HTTP POST over libcurl: one request, bounded in time, never through a proxy.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ddbsynth::local {

struct HttpResponse {
  long status = 0;
  std::string body;
};

// The request never got an HTTP answer.
struct HttpError {
  enum Kind { Unreachable, Timeout, Other } kind;
  std::string detail;  // libcurl's words, e.g. "Connection refused"
};

struct HttpTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds total{10000};
};

// POSTs `body` to `url` with exactly `headers`. Throws HttpError when no answer came back.
HttpResponse http_post(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                       const std::string& body, const HttpTimeouts& timeouts);

}  // namespace ddbsynth::local
