#include "local/dynamodb.hpp"

#include <fmt/format.h>

#include "local/sigv4.hpp"

namespace ddbsynth::local {
namespace {

// "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" -> "ResourceNotFoundException"
std::string error_type(const Json& body) {
  auto it = body.find("__type");
  if (it == body.end() || !it->is_string()) return "";
  std::string type = it->get<std::string>();
  size_t hash = type.rfind('#');
  return hash == std::string::npos ? type : type.substr(hash + 1);
}

std::string error_message(const Json& body) {
  for (const char* key : {"message", "Message"}) {
    auto it = body.find(key);
    if (it != body.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

std::string excerpt(const std::string& body) {
  std::string s = body.substr(0, 120);
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return body.size() > s.size() ? s + "..." : s;
}

}  // namespace

Json DynamoDb::call(std::string_view operation, const Json& request) const {
  std::string body = request.dump();
  std::string target = fmt::format("DynamoDB_20120810.{}", operation);
  std::string date = amz_date_now();
  SigningRequest signing{"POST", "/", "", {}, body};
  signing.headers = {{"Host", endpoint_.authority},
                     {"Content-Type", "application/x-amz-json-1.0"},
                     {"X-Amz-Date", date},
                     {"X-Amz-Target", target}};
  auto headers = signing.headers;
  headers.emplace_back("Authorization",
                       authorization(signing, Credentials{std::string(kLocalAccessKey), std::string(kLocalSecretKey)},
                                     Scope{std::string(kLocalRegion), "dynamodb"}, date));
  HttpResponse response;
  try {
    response = http_post(endpoint_.url + "/", headers, body, timeouts_);
  } catch (const HttpError& e) {
    auto kind = e.kind == HttpError::Unreachable ? EndpointError::Unreachable
                : e.kind == HttpError::Timeout   ? EndpointError::Timeout
                                                 : EndpointError::Other;
    throw EndpointError{kind, std::string(operation), e.detail};
  }
  Json answer = Json::parse(response.body, nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) {
    throw EndpointError{EndpointError::NotDynamoDb, std::string(operation),
                        fmt::format("HTTP {} with a body that is not DynamoDB's JSON: \"{}\"", response.status,
                                    excerpt(response.body))};
  }
  if (response.status >= 200 && response.status < 300) return answer;
  std::string type = error_type(answer);
  if (type.empty()) type = fmt::format("HTTP {}", response.status);
  throw ServiceError{std::string(operation), type, error_message(answer)};
}

}  // namespace ddbsynth::local
