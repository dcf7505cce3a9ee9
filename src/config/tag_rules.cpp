#include "tag_rules.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ddbsynth {
namespace {

constexpr uint32_t kTagCategories = U_GC_L_MASK | U_GC_Z_MASK | U_GC_N_MASK;

// ASCII, which nearly every tag is, by table: 300,000 tags must validate in well under a second.
constexpr std::array<bool, 128> kAsciiAllowed = [] {
  std::array<bool, 128> t{};
  for (char c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (char c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (char c = '0'; c <= '9'; ++c) t[c] = true;
  for (char c : std::string_view(" _.:/=+-@")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// What a user needs told about a refused character, by general category; empty for one that
// shows as itself.
std::string_view kind_of(UChar32 c) {
  switch (u_charType(c)) {
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
      return "a combining mark; AWS allows letters, not marks: write precomposed letters (NFC) where they exist";
    case U_CONTROL_CHAR: return "a control character";
    case U_FORMAT_CHAR: return "an invisible format character";
    case U_UNASSIGNED: return "unassigned in Unicode " U_UNICODE_VERSION;
    case U_PRIVATE_USE_CHAR: return "a private-use character";
    default: return "";  // punctuation and symbols
  }
}

}  // namespace

std::string tag_char_problem(char32_t c) {
  std::string_view kind = kind_of(static_cast<UChar32>(c));
  std::string what;
  if (kind.empty()) {
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    what = fmt::format("'{}' (U+{:04X})", std::string_view(buf, n), static_cast<uint32_t>(c));
  } else {
    what = fmt::format("U+{:04X} ({})", static_cast<uint32_t>(c), kind);
  }
  return "may only contain letters, digits, spaces and _ . : / = + - @, not " + what;
}

std::optional<char32_t> first_char_outside_tag_pattern(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return U'\uFFFD';  // not UTF-8; the readers let none through
    bool ok = c < 128 ? kAsciiAllowed[c] : (U_GET_GC_MASK(c) & kTagCategories) != 0;
    if (!ok) return static_cast<char32_t>(c);
  }
  return std::nullopt;
}

size_t tag_length(std::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

}  // namespace ddbsynth
