#include "generate/python_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace ddbsynth::python {
namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",    "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",     "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",      "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise",   "return", "try",  "while",  "with",   "yield"};

bool ascii_alnum(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Decodes one UTF-8 sequence at s[i]; returns the code point and its length, or 0xFFFD and 1
// when the bytes there are not valid UTF-8.
std::pair<char32_t, size_t> decode(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {0xFFFD, 1};
  if (len == 1) return {c, 1};
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1};
  return {cp, len};
}

struct NamedEscape {
  char32_t cp;
  std::string_view text;
};
constexpr NamedEscape kNamedEscapes[] = {{'\\', "\\\\"}, {'\'', "\\'"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}};

// Code points a reader would not see as themselves: controls, C1 controls, line and paragraph
// separators and the BOM.
bool needs_escape(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

}  // namespace

std::string str_literal(std::string_view s) {
  std::string out = "'";
  for (size_t i = 0; i < s.size();) {
    auto [cp, len] = decode(s, i);
    auto named = std::find_if(std::begin(kNamedEscapes), std::end(kNamedEscapes),
                              [c = cp](const NamedEscape& e) { return e.cp == c; });  // clang 14 captures no bindings
    bool invalid = cp == 0xFFFD && len == 1 && static_cast<unsigned char>(s[i]) >= 0x80;
    if (named != std::end(kNamedEscapes)) out += named->text;
    else if (invalid) out += "\\ufffd";
    else if (!needs_escape(cp)) out.append(s.substr(i, len));
    else if (cp <= 0xFF) out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    else out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    i += len;
  }
  return out + "'";
}

bool is_keyword(std::string_view s) { return std::find(kKeywords.begin(), kKeywords.end(), s) != kKeywords.end(); }

std::string identifier(std::string_view s, std::string_view fallback) {
  std::string out;
  for (char c : s) {
    if (ascii_alnum(c) || c == '_') out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_' && s.back() != '_') out.pop_back();
  // Two leading underscores would be name-mangled inside the class body.
  size_t lead = out.find_first_not_of('_');
  if (lead == std::string::npos) return std::string(fallback);
  if (lead > 1) out.erase(0, lead - 1);
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = std::string(fallback) + "_" + out;
  if (is_keyword(out)) out += '_';
  return out;
}

std::string snake_case(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!ascii_alnum(c)) {
      if (!out.empty() && out.back() != '_') out += '_';
      continue;
    }
    // A capital starts a word after a lower-case letter or digit ("byUser"), or ends an acronym
    // when a lower-case letter follows ("HTTPServer" -> "http_server").
    bool starts_word = ascii_upper(c) && i > 0 &&
                       (ascii_lower_or_digit(s[i - 1]) ||
                        (ascii_upper(s[i - 1]) && i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z'));
    if (starts_word && !out.empty() && out.back() != '_') out += '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string pascal_case(std::string_view snake) {
  std::string out;
  bool up = true;
  for (char c : snake) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

}  // namespace ddbsynth::python
