#include "document.hpp"

#include <fmt/format.h>

#include "ddbsynth/diagnostics.hpp"

namespace ddbsynth {

const Value* Value::get(std::string_view key) const {
  for (const auto& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

const TextPos* KeyIndex::add(const std::string& key, TextPos pos) {
  auto [it, inserted] = first_.emplace(key, pos);
  return inserted ? nullptr : &it->second;
}

std::string duplicate_key_message(std::string_view key, TextPos first) {
  return fmt::format("duplicate key {} (first at line {}, column {})", quoted(key), first.line, first.column);
}

std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) out += fmt::format("\\u{:04x}", u);
    else out += c;
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? fmt::format("\\{}", c) : std::string(1, c);
  return printable(out) + "\"";
}

const char* kind_name(Value::Kind k) {
  static const char* const names[] = {"null",   "boolean", "integer", "number",
                                      "string", "array",   "object"};
  return names[static_cast<int>(k)];
}

void check_text(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    throw InputError(SourcePos{file, 1, 1}, "byte order mark at start of file: save it as UTF-8 without BOM");
  int line = 1, column = 1;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len != 0 && i + len <= text.size();
    unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && len > 1) ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) throw InputError(SourcePos{file, line, column}, "invalid UTF-8");
    if (c == 0)
      throw InputError(SourcePos{file, line, column}, "NUL byte in file");
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
}

}  // namespace ddbsynth
