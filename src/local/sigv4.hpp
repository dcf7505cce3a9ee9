// AWS Signature Version 4 for one HTTP request: the Authorization header and its parts.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ddbsynth::local {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
};

// What is signed. `path` is the already-encoded path ("/" for DynamoDB); `query` the raw query
// string without "?"; `headers` every header to sign (host and x-amz-date included), any case.
struct SigningRequest {
  std::string method;
  std::string path = "/";
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view payload;
};

struct Scope {
  std::string region;
  std::string service;
};

std::string sha256_hex(std::string_view data);

// The steps, exposed so tests can compare each against AWS's published intermediate files.
std::string canonical_request(const SigningRequest& r);
std::string string_to_sign(const std::string& canonical, const std::string& amz_date, const Scope& scope);
std::string signature(const std::string& to_sign, const Credentials& c, const std::string& amz_date,
                      const Scope& scope);

// "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." for `amz_date`
// ("20150830T123600Z").
std::string authorization(const SigningRequest& r, const Credentials& c, const Scope& scope,
                          const std::string& amz_date);

// The current time as X-Amz-Date wants it.
std::string amz_date_now();

}  // namespace ddbsynth::local
