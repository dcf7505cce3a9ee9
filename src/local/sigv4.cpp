#include "local/sigv4.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

namespace ddbsynth::local {
namespace {

std::string hex(const unsigned char* data, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

std::string hmac(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &n);
  return std::string(reinterpret_cast<char*>(out), n);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Trimmed, with each run of spaces made one: SigV4's canonical header value.
std::string canonical_value(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 3986 unreserved characters stay; every other byte becomes %XX (upper case), as SigV4 wants.
std::string uri_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view name = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
    params.emplace_back(uri_encode(percent_decode(name)), uri_encode(percent_decode(value)));
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [n, v] : params) out += (out.empty() ? "" : "&") + n + "=" + v;
  return out;
}

// Lower-cased names, sorted, repeated names' values joined by commas.
std::map<std::string, std::string> canonical_headers(const SigningRequest& r) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : r.headers) {
    auto [it, fresh] = out.emplace(lower(name), canonical_value(value));
    if (!fresh) it->second += "," + canonical_value(value);
  }
  return out;
}

std::string signed_headers(const std::map<std::string, std::string>& headers) {
  std::string out;
  for (const auto& [name, value] : headers) out += (out.empty() ? "" : ";") + name;
  return out;
}

std::string credential_scope(const std::string& amz_date, const Scope& scope) {
  return fmt::format("{}/{}/{}/aws4_request", amz_date.substr(0, 8), scope.region, scope.service);
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), out, &n, EVP_sha256(), nullptr);
  return hex(out, n);
}

std::string canonical_request(const SigningRequest& r) {
  auto headers = canonical_headers(r);
  std::string lines;
  for (const auto& [name, value] : headers) lines += name + ":" + value + "\n";
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}", r.method, r.path.empty() ? "/" : r.path, canonical_query(r.query),
                     lines, signed_headers(headers), sha256_hex(r.payload));
}

std::string string_to_sign(const std::string& canonical, const std::string& amz_date, const Scope& scope) {
  return fmt::format("AWS4-HMAC-SHA256\n{}\n{}\n{}", amz_date, credential_scope(amz_date, scope),
                     sha256_hex(canonical));
}

std::string signature(const std::string& to_sign, const Credentials& c, const std::string& amz_date,
                      const Scope& scope) {
  std::string key = hmac("AWS4" + c.secret_access_key, amz_date.substr(0, 8));
  key = hmac(key, scope.region);
  key = hmac(key, scope.service);
  key = hmac(key, "aws4_request");
  std::string sig = hmac(key, to_sign);
  return hex(reinterpret_cast<const unsigned char*>(sig.data()), sig.size());
}

std::string authorization(const SigningRequest& r, const Credentials& c, const Scope& scope,
                          const std::string& amz_date) {
  std::string sts = string_to_sign(canonical_request(r), amz_date, scope);
  return fmt::format("AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={}, Signature={}", c.access_key_id,
                     credential_scope(amz_date, scope), signed_headers(canonical_headers(r)),
                     signature(sts, c, amz_date, scope));
}

std::string amz_date_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &utc);
  return out;
}

}  // namespace ddbsynth::local
