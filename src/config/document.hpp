// A parsed JSON or YAML document that remembers where every value and key was written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ddbsynth {

struct TextPos {
  int line = 1;
  int column = 1;
};

struct Member;

struct Value {
  enum class Kind { Null, Bool, Int, Float, String, Array, Object };
  Kind kind = Kind::Null;
  TextPos pos;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0;
  std::string string;
  std::vector<Value> items;
  std::vector<Member> members;

  const Value* get(std::string_view key) const;
};

struct Member {
  std::string key;
  TextPos key_pos;
  Value value;
};

const char* kind_name(Value::Kind);

// The keys of one object being read. A hash, not a scan of the members: an object of 400,000
// keys must cost linear time, not quadratic.
class KeyIndex {
 public:
  // The position of an earlier `key`, or nullptr (and `key` is recorded at `pos`).
  const TextPos* add(const std::string& key, TextPos pos);

 private:
  std::unordered_map<std::string, TextPos> first_;
};

// "duplicate key "k" (first at line L, column C)", the key escaped so the message stays one line.
std::string duplicate_key_message(std::string_view key, TextPos first);

// `s` in double quotes with quotes, backslashes and control characters escaped.
std::string quoted(std::string_view s);

// `s` with control characters escaped (\u000a): text from elsewhere kept on one line.
std::string printable(std::string_view s);

// Limits that keep hostile input from exhausting stack or memory.
inline constexpr int kMaxDepth = 64;
// 100,000: the largest config DynamoDB accepts (20 GSIs, 5 LSIs, 50 tags, a 20 KB resource policy,
// replicas) has a few thousand values; a million cost a second of page faults.
inline constexpr size_t kMaxNodes = 100'000;
inline constexpr size_t kMaxFileBytes = 4 << 20;  // a real config is a few KB
inline constexpr size_t kMaxExpandedBytes = 4 * kMaxFileBytes;  // string bytes after YAML aliases
inline constexpr size_t kMaxErrors = 100;  // diagnostics reported for one config

// Both throw InputError located in `file`.
Value parse_json(std::string_view text, const std::string& file);
Value parse_yaml(std::string_view text, const std::string& file);

// Rejects what neither reader accepts: a BOM, invalid UTF-8. Throws InputError.
void check_text(std::string_view text, const std::string& file);

}  // namespace ddbsynth
