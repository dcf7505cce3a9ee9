#include "unique_id.hpp"

#include <algorithm>
#include <cctype>

#include "md5.hpp"

namespace ddbsynth::cdk {
namespace {

constexpr std::string_view kHiddenId = "Default";
constexpr std::string_view kHiddenFromHuman = "Resource";
constexpr size_t kHashLength = 8;
constexpr size_t kMaxHumanLength = 240;
constexpr size_t kMaxIdLength = 255;
constexpr size_t kMaxStackNameLength = 128;

bool is_ascii_alnum(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }

std::string keep(std::string_view s, std::string_view allowed) {
  std::string out;
  for (char c : s)
    if (is_ascii_alnum(c) || (!allowed.empty() && allowed.find(c) != std::string_view::npos)) out += c;
  return out;
}

std::string path_hash(const std::vector<std::string>& components) {
  std::string path;
  for (size_t i = 0; i < components.size(); ++i) path += (i ? "/" : "") + components[i];
  std::string hash = md5_hex(path).substr(0, kHashLength);
  std::transform(hash.begin(), hash.end(), hash.begin(), [](char c) { return std::toupper(static_cast<unsigned char>(c)); });
  return hash;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Drops a component when the previous one ends with it ("MyTable/Table" reads "MyTable").
std::vector<std::string> remove_dupes(const std::vector<std::string>& path) {
  std::vector<std::string> out;
  for (const auto& c : path)
    if (out.empty() || !ends_with(out.back(), c)) out.push_back(c);
  return out;
}

std::vector<std::string> without_hidden(std::vector<std::string> components) {
  std::erase(components, std::string(kHiddenId));
  return components;
}

}  // namespace

std::string sanitize_id(std::string_view id) {
  std::string out;
  for (char c : id) out += (c == '/' || c == '\n') ? std::string("--") : std::string(1, c);
  return out;
}

std::string unique_id(std::vector<std::string> components) {
  components = without_hidden(std::move(components));
  if (components.size() == 1) {
    std::string candidate = keep(components[0], "");
    if (candidate.size() <= kMaxIdLength) return candidate;
  }
  std::string human;
  for (const auto& c : remove_dupes(components))
    if (c != kHiddenFromHuman) human += keep(c, "");
  return human.substr(0, kMaxHumanLength) + path_hash(components);
}

std::string unique_resource_name(std::vector<std::string> components, const ResourceNameOptions& o) {
  components = without_hidden(std::move(components));
  if (components.size() == 1) {
    std::string top = o.prefix + keep(components[0], o.allowed_special);
    if (js_length(top) <= o.max_length) return top;
  }
  std::string hash = path_hash(components);
  std::string human = o.prefix;
  bool first = true;
  for (const auto& c : remove_dupes(components)) {
    if (c == kHiddenFromHuman) continue;
    std::string part = keep(c, o.allowed_special);
    if (part.empty()) continue;
    human += (first ? "" : o.separator) + part;
    first = false;
  }
  human += o.separator;
  size_t max_human = o.max_length - kHashLength;
  if (human.size() > max_human) {
    size_t half = max_human / 2;
    human = human.substr(0, half) + human.substr(human.size() - half);
  }
  return human + hash;
}

std::string stack_name_for_id(const std::string& id) {
  if (js_length(id) <= kMaxStackNameLength) return id;
  return unique_resource_name({id}, ResourceNameOptions{kMaxStackNameLength, "", "", ""});
}

bool valid_stack_name(std::string_view name) {
  if (name.empty() || static_cast<unsigned char>(name[0]) >= 0x80 || !std::isalpha(static_cast<unsigned char>(name[0])))
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; });
}

size_t js_length(std::string_view utf8) {
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    n += len == 4 ? 2 : 1;  // code points above U+FFFF take a surrogate pair
    i += len;
  }
  return n;
}

}  // namespace ddbsynth::cdk
