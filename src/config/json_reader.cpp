// A strict RFC 8259 reader that keeps positions, rejects duplicate keys and bounds nesting.
#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "ddbsynth/diagnostics.hpp"
#include "document.hpp"

namespace ddbsynth {
namespace {

class JsonReader {
 public:
  JsonReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Value read() {
    skip_space();
    if (at_end()) fail("empty document: expected a JSON object");
    Value v = value(0);
    skip_space();
    if (!at_end()) fail(fmt::format("unexpected {} after the end of the document", describe()));
    return v;
  }

 private:
  std::string_view text_;
  const std::string& file_;
  size_t i_ = 0;
  TextPos pos_;
  size_t nodes_ = 0;

  bool at_end() const { return i_ >= text_.size(); }
  char peek() const { return text_[i_]; }

  [[noreturn]] void fail(const std::string& message) const { fail_at(pos_, message); }
  [[noreturn]] void fail_at(TextPos p, const std::string& message) const {
    throw InputError(SourcePos{file_, p.line, p.column}, message);
  }

  std::string describe() const {
    if (at_end()) return "end of file";
    unsigned char c = static_cast<unsigned char>(peek());
    if (c < 0x20 || c == 0x7f) return fmt::format("control character U+{:04X}", c);
    if (c >= 0x80) return "non-ASCII character";
    return fmt::format("'{}'", static_cast<char>(c));
  }

  void advance() {
    unsigned char c = static_cast<unsigned char>(text_[i_++]);
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos_.column;  // count code points, not bytes
    }
  }

  void skip_space() {
    while (!at_end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        advance();
      else
        break;
    }
  }

  bool consume_word(std::string_view w) {
    if (text_.substr(i_, w.size()) != w) return false;
    for (size_t k = 0; k < w.size(); ++k) advance();
    return true;
  }

  Value value(int depth) {
    if (depth >= kMaxDepth) fail(fmt::format("nesting deeper than {} levels", kMaxDepth));
    if (++nodes_ > kMaxNodes) fail(fmt::format("document has more than {} values", kMaxNodes));
    Value v;
    v.pos = pos_;
    if (at_end()) fail("unexpected end of file: expected a value");
    char c = peek();
    if (c == '{') return object(depth, v);
    if (c == '[') return array(depth, v);
    if (c == '"') {
      v.kind = Value::Kind::String;
      v.string = string();
      return v;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(v);
    if (consume_word("true")) {
      v.kind = Value::Kind::Bool;
      v.boolean = true;
    } else if (consume_word("false")) {
      v.kind = Value::Kind::Bool;
    } else if (consume_word("null")) {
      v.kind = Value::Kind::Null;
    } else if (consume_word("NaN") || consume_word("Infinity")) {
      fail_at(v.pos, "NaN and Infinity are not JSON numbers");
    } else {
      fail(fmt::format("unexpected {}: expected a value", describe()));
    }
    return v;
  }

  Value object(int depth, Value v) {
    v.kind = Value::Kind::Object;
    advance();  // {
    skip_space();
    if (!at_end() && peek() == '}') {
      advance();
      return v;
    }
    KeyIndex keys;
    for (;;) {
      skip_space();
      if (at_end() || peek() != '"') fail(fmt::format("unexpected {}: expected a string key", describe()));
      Member m;
      m.key_pos = pos_;
      m.key = string();
      if (const TextPos* first = keys.add(m.key, m.key_pos)) fail_at(m.key_pos, duplicate_key_message(m.key, *first));
      skip_space();
      if (at_end() || peek() != ':') fail(fmt::format("unexpected {}: expected ':'", describe()));
      advance();
      skip_space();
      m.value = value(depth + 1);
      v.members.push_back(std::move(m));
      skip_space();
      if (!at_end() && peek() == ',') {
        TextPos comma = pos_;
        advance();
        skip_space();
        if (!at_end() && peek() == '}') fail_at(comma, "trailing comma before '}'");
        continue;
      }
      if (!at_end() && peek() == '}') {
        advance();
        return v;
      }
      fail(fmt::format("unexpected {}: expected ',' or '}}'", describe()));
    }
  }

  Value array(int depth, Value v) {
    v.kind = Value::Kind::Array;
    advance();  // [
    skip_space();
    if (!at_end() && peek() == ']') {
      advance();
      return v;
    }
    for (;;) {
      skip_space();
      v.items.push_back(value(depth + 1));
      skip_space();
      if (!at_end() && peek() == ',') {
        TextPos comma = pos_;
        advance();
        skip_space();
        if (!at_end() && peek() == ']') fail_at(comma, "trailing comma before ']'");
        continue;
      }
      if (!at_end() && peek() == ']') {
        advance();
        return v;
      }
      fail(fmt::format("unexpected {}: expected ',' or ']'", describe()));
    }
  }

  unsigned hex4() {
    unsigned u = 0;
    for (int k = 0; k < 4; ++k) {
      if (at_end()) fail("unexpected end of file in \\u escape");
      char c = peek();
      unsigned d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else fail(fmt::format("unexpected {} in \\u escape: expected a hex digit", describe()));
      u = u * 16 + d;
      advance();
    }
    return u;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string string() {
    TextPos start = pos_;
    advance();  // "
    std::string out;
    for (;;) {
      if (at_end()) fail_at(start, "unterminated string");
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        advance();
        return out;
      }
      if (c < 0x20) fail(fmt::format("{} in string: write it as an escape", describe()));
      if (c != '\\') {
        out += static_cast<char>(c);
        advance();
        continue;
      }
      TextPos esc = pos_;
      advance();
      if (at_end()) fail_at(start, "unterminated string");
      char e = peek();
      advance();
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!consume_word("\\u")) fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
            unsigned lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail_at(esc, "unpaired UTF-16 surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: {
          // Shown as itself only when printable: a newline here would break the message's line.
          unsigned char u = static_cast<unsigned char>(e);
          fail_at(esc, u > 0x20 && u < 0x7f ? fmt::format("invalid escape '\\{}' in string", e)
                       : u < 0x80           ? fmt::format("invalid escape in string: '\\' before U+{:04X}", u)
                                            : "invalid escape in string: '\\' before a non-ASCII character");
        }
      }
    }
  }

  Value number(Value v) {
    size_t start = i_;
    bool is_float = false;
    if (peek() == '-') advance();
    if (at_end() || !(peek() >= '0' && peek() <= '9')) fail_at(v.pos, "invalid number: expected a digit");
    if (peek() == '0') {
      advance();
      if (!at_end() && peek() >= '0' && peek() <= '9') fail_at(v.pos, "invalid number: leading zero");
    } else {
      while (!at_end() && peek() >= '0' && peek() <= '9') advance();
    }
    if (!at_end() && peek() == '.') {
      is_float = true;
      advance();
      if (at_end() || !(peek() >= '0' && peek() <= '9')) fail("invalid number: expected a digit after '.'");
      while (!at_end() && peek() >= '0' && peek() <= '9') advance();
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      is_float = true;
      advance();
      if (!at_end() && (peek() == '+' || peek() == '-')) advance();
      if (at_end() || !(peek() >= '0' && peek() <= '9')) fail("invalid number: expected an exponent");
      while (!at_end() && peek() >= '0' && peek() <= '9') advance();
    }
    std::string_view digits = text_.substr(start, i_ - start);
    if (!is_float) {
      auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v.integer);
      if (ec == std::errc()) {
        v.kind = Value::Kind::Int;
        return v;
      }
      fail_at(v.pos, fmt::format("number {} is out of range", digits));
    }
    std::string copy(digits);
    v.number = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(v.number)) fail_at(v.pos, fmt::format("number {} is out of range", digits));
    v.kind = Value::Kind::Float;
    return v;
  }
};

}  // namespace

Value parse_json(std::string_view text, const std::string& file) {
  check_text(text, file);
  return JsonReader(text, file).read();
}

}  // namespace ddbsynth
