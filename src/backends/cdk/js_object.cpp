#include "js_object.hpp"

#include <algorithm>

namespace ddbsynth::cdk {

bool is_array_index(std::string_view key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::stoull(std::string(key)) < 4294967295ULL;
}

std::vector<std::string> js_property_order(std::vector<std::string> keys) {
  std::stable_partition(keys.begin(), keys.end(), [](const std::string& k) { return is_array_index(k); });
  auto indexes_end = std::find_if(keys.begin(), keys.end(), [](const std::string& k) { return !is_array_index(k); });
  std::sort(keys.begin(), indexes_end, [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;  // numeric order of canonical numbers
  });
  return keys;
}

cfn::Json with_js_key_order(const cfn::Json& doc) {
  if (doc.is_array()) {
    cfn::Json out = cfn::Json::array();
    for (const auto& x : doc) out.push_back(with_js_key_order(x));
    return out;
  }
  if (!doc.is_object()) return doc;
  std::vector<std::string> keys;
  for (const auto& [k, v] : doc.items()) keys.push_back(k);
  cfn::Json out = cfn::Json::object();
  for (const auto& k : js_property_order(keys)) out[k] = with_js_key_order(doc.at(k));
  return out;
}

}  // namespace ddbsynth::cdk
