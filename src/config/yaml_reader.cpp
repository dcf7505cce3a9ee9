// YAML through yaml-cpp's event parser, built straight into the positioned Value tree that JSON
// uses. Events, not yaml-cpp's node API: every event counts against a budget, which bounds alias
// bombs and the inputs on which yaml-cpp 0.7 emits nodes without end. Values and string bytes
// both count: an alias of one long string repeated is as much a bomb as nested lists.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <regex>
#include <sstream>

#include "ddbsynth/diagnostics.hpp"
#include "document.hpp"

namespace ddbsynth {
namespace {

TextPos pos_of(const YAML::Mark& m) { return TextPos{std::max(m.line, 0) + 1, std::max(m.column, 0) + 1}; }

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const std::string& file) : file_(file) {}

  int documents = 0;
  Value root;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents > 1) fail(pos_of(mark), "more than one YAML document: a config file holds exactly one");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Value v;
    v.pos = pos_of(mark);
    finish(std::move(v), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      for (const auto& o : stack_)
        if (o.anchor == anchor) fail(pos_of(mark), "recursive alias: it refers to the node it is inside");
      fail(pos_of(mark), "alias to an unknown anchor");
    }
    expanded_alias_ = true;
    count(pos_of(mark), it->second.size, it->second.bytes);
    add(Value(it->second.value));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(mark, tag);
    Value v = scalar(pos_of(mark), tag, value);
    finish(std::move(v), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Value::Kind::Array);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, Value::Kind::Object);
  }
  void OnMapEnd() override {
    if (stack_.back().pending_key) fail(stack_.back().value.pos, "mapping key without a value");
    close();
  }

 private:
  struct Open {
    Value value;
    YAML::anchor_t anchor = 0;
    size_t nodes_at_start = 0;
    size_t bytes_at_start = 0;
    std::optional<Value> pending_key;  // maps alternate key, value
    KeyIndex keys;
  };
  struct Anchored {
    Value value;
    size_t size;   // values
    size_t bytes;  // string bytes
  };

  const std::string& file_;
  std::vector<Open> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  size_t nodes_ = 0;
  size_t bytes_ = 0;
  bool expanded_alias_ = false;

  [[noreturn]] void fail(TextPos p, const std::string& message) const {
    throw InputError(SourcePos{file_, p.line, p.column}, message);
  }

  void count(TextPos p, size_t n, size_t bytes) {
    nodes_ += n;
    bytes_ += bytes;
    if (nodes_ > kMaxNodes)
      fail(p, expanded_alias_ ? fmt::format("document expands to more than {} values (alias bomb?)", kMaxNodes)
                              : fmt::format("document has more than {} values", kMaxNodes));
    if (bytes_ > kMaxExpandedBytes)
      fail(p, fmt::format("document expands to more than {} bytes of text (alias bomb?)", kMaxExpandedBytes));
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) const {
    // "?" marks a plain node, "!" a quoted one; anything else was written as an explicit tag.
    if (!tag.empty() && tag != "?" && tag != "!")
      fail(pos_of(mark), fmt::format("YAML tag '{}' is not supported", printable(tag)));
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, Value::Kind kind) {
    check_tag(mark, tag);
    if (stack_.size() >= static_cast<size_t>(kMaxDepth))
      fail(pos_of(mark), fmt::format("nesting deeper than {} levels", kMaxDepth));
    count(pos_of(mark), 1, 0);
    Open o;
    o.value.kind = kind;
    o.value.pos = pos_of(mark);
    o.anchor = anchor;
    o.nodes_at_start = nodes_;
    o.bytes_at_start = bytes_;
    stack_.push_back(std::move(o));
  }

  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    if (o.anchor) anchors_[o.anchor] = Anchored{o.value, nodes_ - o.nodes_at_start + 1, bytes_ - o.bytes_at_start};
    add(std::move(o.value));
  }

  void finish(Value v, YAML::anchor_t anchor) {
    count(v.pos, 1, v.string.size());
    if (anchor) anchors_[anchor] = Anchored{v, 1, v.string.size()};
    add(std::move(v));
  }

  void add(Value v) {
    if (stack_.empty()) {
      root = std::move(v);
      return;
    }
    Open& parent = stack_.back();
    if (parent.value.kind == Value::Kind::Array) {
      parent.value.items.push_back(std::move(v));
      return;
    }
    if (!parent.pending_key) {
      if (v.kind == Value::Kind::Array || v.kind == Value::Kind::Object) fail(v.pos, "mapping keys must be strings");
      --nodes_;  // a key is not a value, as in the JSON reader
      parent.pending_key = std::move(v);
      return;
    }
    Member m;
    m.key = parent.pending_key->kind == Value::Kind::Null && parent.pending_key->string.empty()
                ? std::string()
                : parent.pending_key->string;
    m.key_pos = parent.pending_key->pos;
    parent.pending_key.reset();
    if (const TextPos* first = parent.keys.add(m.key, m.key_pos)) fail(m.key_pos, duplicate_key_message(m.key, *first));
    m.value = std::move(v);
    parent.value.members.push_back(std::move(m));
  }

  // Plain scalars resolve as in the YAML 1.2 core schema; quoted ones are always strings.
  Value scalar(TextPos p, const std::string& tag, const std::string& s) const {
    Value v;
    v.pos = p;
    v.kind = Value::Kind::String;
    v.string = s;
    if (tag != "?") return v;
    static const std::regex kNull("null|Null|NULL|~|");
    static const std::regex kTrue("true|True|TRUE");
    static const std::regex kFalse("false|False|FALSE");
    static const std::regex kInt("[-+]?[0-9]+");
    static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    static const std::regex kSpecial("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (s.size() > 64) return v;  // no number or keyword is this long
    // Only these start a null, boolean or number; the regexes below are slow on 700,000 keys.
    if (!s.empty() && std::string_view("-+.0123456789nNtTfF~").find(s[0]) == std::string_view::npos) return v;
    if (std::regex_match(s, kNull)) {
      v.kind = Value::Kind::Null;
    } else if (std::regex_match(s, kTrue)) {
      v.kind = Value::Kind::Bool;
      v.boolean = true;
    } else if (std::regex_match(s, kFalse)) {
      v.kind = Value::Kind::Bool;
    } else if (std::regex_match(s, kInt)) {
      const char* b = s.data() + (s[0] == '+' ? 1 : 0);
      auto [ptr, ec] = std::from_chars(b, s.data() + s.size(), v.integer);
      if (ec != std::errc()) fail(p, fmt::format("number {} is out of range", s));
      v.kind = Value::Kind::Int;
    } else if (std::regex_match(s, kFloat)) {
      v.number = std::strtod(s.c_str(), nullptr);
      if (!std::isfinite(v.number)) fail(p, fmt::format("number {} is out of range", s));
      v.kind = Value::Kind::Float;
    } else if (std::regex_match(s, kSpecial)) {
      fail(p, "NaN and Infinity are not allowed");
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
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& e) {
    throw InputError(SourcePos{file, std::max(e.mark.line, 0) + 1, std::max(e.mark.column, 0) + 1}, printable(e.msg));
  }
  if (builder.documents == 0) throw InputError(SourcePos{file, 1, 1}, "empty document: expected a mapping");
  return std::move(builder.root);
}

}  // namespace ddbsynth
