#include "ddbsynth/model.hpp"

#include <algorithm>
#include <filesystem>

namespace ddbsynth {

std::vector<KeyAttribute> Table::attribute_definitions() const {
  std::vector<KeyAttribute> out;
  auto add = [&](const KeyAttribute& k) {
    if (std::none_of(out.begin(), out.end(), [&](const KeyAttribute& o) { return o.name == k.name; }))
      out.push_back(k);
  };
  add(partition_key);
  if (sort_key) add(*sort_key);
  for (const auto& l : lsis) add(l.sort_key);
  for (const auto& g : gsis) {
    add(g.partition_key);
    if (g.sort_key) add(*g.sort_key);
  }
  return out;
}

std::string Table::file_stem() const {
  return std::filesystem::path(source_file).stem().string();
}

SourcePos Table::where(const std::string& path) const {
  auto it = positions.find(path);
  if (it != positions.end()) return it->second;
  return SourcePos{source_file, 1, 1};
}

const char* to_string(AttributeType t) {
  static const char* const names[] = {"S", "N", "B"};
  return names[static_cast<int>(t)];
}
const char* to_string(Projection p) {
  static const char* const names[] = {"ALL", "KEYS_ONLY", "INCLUDE"};
  return names[static_cast<int>(p)];
}
const char* to_string(BillingMode b) {
  static const char* const names[] = {"PAY_PER_REQUEST", "PROVISIONED"};
  return names[static_cast<int>(b)];
}
const char* to_string(StreamView s) {
  static const char* const names[] = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"};
  return names[static_cast<int>(s)];
}
const char* to_string(TableClass c) {
  static const char* const names[] = {"STANDARD", "STANDARD_INFREQUENT_ACCESS"};
  return names[static_cast<int>(c)];
}
const char* to_string(Access a) {
  static const char* const names[] = {"read", "write", "readWrite", "full", "streamRead"};
  return names[static_cast<int>(a)];
}
const char* to_string(RemovalPolicy r) {
  static const char* const names[] = {"retain", "destroy"};
  return names[static_cast<int>(r)];
}
const char* to_string(ContainerEngine e) {
  static const char* const names[] = {"docker", "podman", "finch"};
  return names[static_cast<int>(e)];
}

const char* to_string(ContributorInsightsMode m) {
  static const char* const names[] = {"ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS"};
  return names[static_cast<int>(m)];
}
const char* to_string(KinesisPrecision p) {
  static const char* const names[] = {"MILLISECOND", "MICROSECOND"};
  return names[static_cast<int>(p)];
}
const char* to_string(InputFormat f) {
  static const char* const names[] = {"DYNAMODB_JSON", "ION", "CSV"};
  return names[static_cast<int>(f)];
}
const char* to_string(InputCompression c) {
  static const char* const names[] = {"GZIP", "ZSTD", "NONE"};
  return names[static_cast<int>(c)];
}
const char* to_string(Consistency c) {
  static const char* const names[] = {"EVENTUAL", "STRONG"};
  return names[static_cast<int>(c)];
}

}  // namespace ddbsynth
