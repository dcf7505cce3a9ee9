#include "backends/terraform/hcl_string.hpp"

#include <fmt/format.h>

#include <array>

namespace ddbsynth::tf {
namespace {

// Decodes the UTF-8 sequence at s[i] (the model holds valid UTF-8) and advances i past it.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? b : b & (0x3F >> extra);
  for (int k = 1; k <= extra && i + k < s.size(); ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += 1 + extra;
  return cp;
}

// The short escapes both HCL and JSON know.
const char* short_escape(char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return nullptr;
  }
}

// C1 controls, line and paragraph separators and the byte order mark: legal in a string, but
// invisible or line-breaking in an editor, so written as escapes.
bool invisible(std::string_view s) {
  auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  return (b(0) == 0xC2 && b(1) >= 0x80 && b(1) < 0xA0) || (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) ||
         (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF);
}

bool starts_sequence(std::string_view s, size_t i) {
  return (s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{';
}

}  // namespace

std::string escape_template(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (starts_sequence(s, i)) out += s[i];
    out += s[i];
  }
  return out;
}

std::string quote_hcl(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (const char* e = short_escape(s[i])) {
      out += e;
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c);
    } else if (invisible(s.substr(i))) {
      size_t j = i;
      out += fmt::format("\\u{:04x}", next_code_point(s, j));
      i = j - 1;
    } else {
      if (starts_sequence(s, i)) out += s[i];
      out += s[i];
    }
  }
  return out + "\"";
}

bool literal_safe(std::string_view s) {
  for (size_t i = 0; i < s.size();)
    if (nfc_unsafe(next_code_point(s, i))) return false;
  return true;
}

std::string json_ascii(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    uint32_t cp = next_code_point(s, i);
    if (const char* e = short_escape(c)) {
      out += e;
    } else if (cp >= 0x20 && cp < 0x7F) {
      out += c;
    } else if (cp < 0x10000) {
      out += fmt::format("\\u{:04x}", cp);
    } else {
      cp -= 0x10000;
      out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    }
  }
  return out + "\"";
}

size_t columns(std::string_view s) {
  // Code points that join the cluster before them, beyond the combining marks literal_safe
  // already keeps out of raw text: zero-width joiner (and what it joins), variation selectors,
  // emoji modifiers and tag characters; regional indicators pair up into one flag.
  constexpr std::array<std::pair<uint32_t, uint32_t>, 5> kExtend = {
      {{0x200D, 0x200D}, {0xFE00, 0xFE0F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF}}};
  size_t n = 0;
  bool joined = false, open_flag = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = next_code_point(s, i);
    bool extends = joined;
    for (auto [first, last] : kExtend) extends = extends || (cp >= first && cp <= last);
    bool flag = cp >= 0x1F1E6 && cp <= 0x1F1FF;
    if (flag && open_flag) extends = true;
    open_flag = flag && !open_flag;
    joined = cp == 0x200D;
    if (!extends) ++n;
  }
  return n;
}

bool plain_key(std::string_view s) {
  if (s.empty() || s == "null" || s == "true" || s == "false" || s == "for" || s == "in" || s == "if") return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '-'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace ddbsynth::tf
