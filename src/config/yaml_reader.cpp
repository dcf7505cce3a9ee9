// YAML through yaml-cpp, converted to the same positioned Value tree as JSON. yaml-cpp parses
// recursively and shares aliased nodes, so depth and size are bounded here before and during use.
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <regex>

#include "ddbsynth/diagnostics.hpp"
#include "document.hpp"

namespace ddbsynth {
namespace {

struct Converter {
  const std::string& file;
  size_t nodes = 0;

  [[noreturn]] void fail(const YAML::Mark& m, const std::string& message) const {
    throw InputError(SourcePos{file, m.line + 1, m.column + 1}, message);
  }

  Value scalar(const YAML::Node& n) {
    Value v;
    const std::string& s = n.Scalar();
    v.kind = Value::Kind::String;
    v.string = s;
    if (n.Tag() != "?") return v;  // quoted: always a string
    // Plain scalars resolve as in the YAML 1.2 core schema.
    static const std::regex kNull("null|Null|NULL|~|");
    static const std::regex kTrue("true|True|TRUE");
    static const std::regex kFalse("false|False|FALSE");
    static const std::regex kInt("[-+]?[0-9]+");
    static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    static const std::regex kSpecial("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (std::regex_match(s, kNull)) {
      v.kind = Value::Kind::Null;
    } else if (std::regex_match(s, kTrue)) {
      v.kind = Value::Kind::Bool;
      v.boolean = true;
    } else if (std::regex_match(s, kFalse)) {
      v.kind = Value::Kind::Bool;
    } else if (std::regex_match(s, kInt)) {
      const char* b = s.data() + (s[0] == '+' ? 1 : 0);
      auto [p, ec] = std::from_chars(b, s.data() + s.size(), v.integer);
      if (ec != std::errc()) fail(n.Mark(), fmt::format("number {} is out of range", s));
      v.kind = Value::Kind::Int;
    } else if (std::regex_match(s, kFloat)) {
      v.number = std::strtod(s.c_str(), nullptr);
      if (!std::isfinite(v.number)) fail(n.Mark(), fmt::format("number {} is out of range", s));
      v.kind = Value::Kind::Float;
    } else if (std::regex_match(s, kSpecial)) {
      fail(n.Mark(), "NaN and Infinity are not allowed");
    }
    return v;
  }

  Value convert(const YAML::Node& n, int depth) {
    if (depth >= kMaxDepth) fail(n.Mark(), fmt::format("nesting deeper than {} levels", kMaxDepth));
    // Aliases share nodes; counting every visit bounds alias bombs ("billion laughs").
    if (++nodes > kMaxNodes)
      fail(n.Mark(), fmt::format("document expands to more than {} values (alias bomb?)", kMaxNodes));
    const std::string& tag = n.Tag();
    if (!tag.empty() && tag != "?" && tag != "!")
      fail(n.Mark(), fmt::format("YAML tag '{}' is not supported", tag));
    Value v;
    v.pos = TextPos{n.Mark().line + 1, n.Mark().column + 1};
    switch (n.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        v.kind = Value::Kind::Null;
        return v;
      case YAML::NodeType::Scalar: {
        Value s = scalar(n);
        s.pos = v.pos;
        return s;
      }
      case YAML::NodeType::Sequence:
        v.kind = Value::Kind::Array;
        for (const auto& item : n) v.items.push_back(convert(item, depth + 1));
        return v;
      case YAML::NodeType::Map:
        v.kind = Value::Kind::Object;
        for (const auto& kv : n) {
          if (!kv.first.IsScalar()) fail(kv.first.Mark(), "mapping keys must be strings");
          Member m;
          m.key = kv.first.Scalar();
          m.key_pos = TextPos{kv.first.Mark().line + 1, kv.first.Mark().column + 1};
          for (const auto& other : v.members)
            if (other.key == m.key)
              fail(kv.first.Mark(), fmt::format("duplicate key \"{}\" (first at line {}, column {})", m.key,
                                                other.key_pos.line, other.key_pos.column));
          m.value = convert(kv.second, depth + 1);
          v.members.push_back(std::move(m));
        }
        return v;
    }
    return v;
  }
};

// yaml-cpp recurses once per nesting level while parsing; refuse deep input before it does.
void check_nesting(std::string_view text, const std::string& file) {
  int line = 1, depth = 0, indent = 0;
  bool at_line_start = true;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      at_line_start = true;
      indent = 0;
      continue;
    }
    if (at_line_start && (c == ' ' || c == '-')) {
      // Block nesting costs at least one column (or one "- ") per level.
      if (++indent > 4 * kMaxDepth)
        throw InputError(SourcePos{file, line, indent}, fmt::format("nesting deeper than {} levels", kMaxDepth));
      continue;
    }
    at_line_start = false;
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++i;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '#') { while (i + 1 < text.size() && text[i + 1] != '\n') ++i; }
    else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth)
        throw InputError(SourcePos{file, line, 1}, fmt::format("nesting deeper than {} levels", kMaxDepth));
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

}  // namespace

Value parse_yaml(std::string_view text, const std::string& file) {
  check_text(text, file);
  check_nesting(text, file);
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    throw InputError(SourcePos{file, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
  if (docs.empty()) throw InputError(SourcePos{file, 1, 1}, "empty document: expected a mapping");
  if (docs.size() > 1)
    throw InputError(SourcePos{file, docs[1].Mark().line + 1, 1},
                     "more than one YAML document: a config file holds exactly one");
  Converter c{file};
  return c.convert(docs[0], 0);
}

}  // namespace ddbsynth
