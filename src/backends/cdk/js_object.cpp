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

void to_js_key_order(cfn::Json& doc) {
  if (doc.is_array()) {
    for (auto& x : doc) to_js_key_order(x);
    return;
  }
  if (!doc.is_object()) return;
  bool has_index = false;
  for (auto& [k, v] : doc.items()) {
    to_js_key_order(v);
    has_index = has_index || is_array_index(k);
  }
  if (!has_index) return;  // the common case: insertion order is already JavaScript's
  std::vector<std::pair<std::string, cfn::Json>> members;
  for (auto& [k, v] : doc.items()) members.emplace_back(k, std::move(v));
  std::stable_partition(members.begin(), members.end(), [](const auto& m) { return is_array_index(m.first); });
  auto indexes_end = std::find_if(members.begin(), members.end(), [](const auto& m) { return !is_array_index(m.first); });
  std::stable_sort(members.begin(), indexes_end, [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
  });
  doc = cfn::Json::object();
  for (auto& [k, v] : members) doc[k] = std::move(v);
}

}  // namespace ddbsynth::cdk
