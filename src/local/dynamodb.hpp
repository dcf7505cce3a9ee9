// DynamoDB's JSON protocol (x-amz-json-1.0) over HTTP, SigV4-signed with dummy credentials.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "local/endpoint.hpp"
#include "local/http.hpp"

namespace ddbsynth::local {

using Json = nlohmann::ordered_json;

// The service answered, and refused: its error type ("ResourceNotFoundException") and message.
struct ServiceError {
  std::string operation;
  std::string type;
  std::string message;
};

// No usable answer: nothing listening, no answer in time, or an answer that is not DynamoDB's.
struct EndpointError {
  enum Kind { Unreachable, Timeout, NotDynamoDb, Other } kind;
  std::string operation;
  std::string detail;
};

// The credentials and region the seed's scripts and generated clients use for DynamoDB Local:
// any values work there, and -sharedDb makes them select the same database.
inline constexpr std::string_view kLocalRegion = "us-east-1";
inline constexpr std::string_view kLocalAccessKey = "UNUSED";
inline constexpr std::string_view kLocalSecretKey = "UNUSED";

class DynamoDb {
 public:
  DynamoDb(Endpoint endpoint, HttpTimeouts timeouts) : endpoint_(std::move(endpoint)), timeouts_(timeouts) {}
  const Endpoint& endpoint() const { return endpoint_; }

  // Calls `operation` ("DescribeTable") with `request`; the answer's JSON. Throws ServiceError
  // or EndpointError.
  Json call(std::string_view operation, const Json& request) const;

 private:
  Endpoint endpoint_;
  HttpTimeouts timeouts_;
};

}  // namespace ddbsynth::local
