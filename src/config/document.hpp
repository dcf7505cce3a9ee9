// A parsed JSON or YAML document that remembers where every value and key was written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

// Limits that keep hostile input from exhausting stack or memory.
inline constexpr int kMaxDepth = 64;
inline constexpr size_t kMaxNodes = 1'000'000;
inline constexpr size_t kMaxFileBytes = 4 << 20;  // a real config is a few KB

// Both throw InputError located in `file`.
Value parse_json(std::string_view text, const std::string& file);
Value parse_yaml(std::string_view text, const std::string& file);

// Rejects what neither reader accepts: a BOM, invalid UTF-8. Throws InputError.
void check_text(std::string_view text, const std::string& file);

}  // namespace ddbsynth
