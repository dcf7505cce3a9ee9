// The helpers every section validator shares.
#include "checker.hpp"

#include <algorithm>
#include <regex>

#include "ddbsynth/limits.hpp"

namespace ddbsynth {

size_t code_points(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

std::string shown(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += fmt::format("\\{}", c);
    else if (u < 0x20 || u == 0x7f) out += fmt::format("\\u{:04x}", u);
    else out += c;
  }
  return out + "\"";
}

bool is_region(std::string_view s) {
  static const std::regex kRegion(
      "[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9][0-9]?");
  return s.size() <= 32 && std::regex_match(s.begin(), s.end(), kRegion);
}

void Checker::error(TextPos p, std::string message) {
  // Like a compiler, stop after many: a hostile file can hold 400,000 unknown fields.
  if (diags_.size() == kMaxErrors) {
    diags_.push_back(Diagnostic{SourcePos{file_, p.line, p.column},
                                fmt::format("too many errors, stopping after {}", kMaxErrors)});
    throw InputError(std::move(diags_));
  }
  diags_.push_back(Diagnostic{SourcePos{file_, p.line, p.column}, std::move(message)});
}

void Checker::record(const std::string& path, const Value& v) {
  table_.positions[path] = SourcePos{file_, v.pos.line, v.pos.column};
}

bool Checker::expect(const Value& v, Kind kind, std::string_view what) {
  if (v.kind == kind) return true;
  if (kind == Kind::Int && v.kind == Kind::Float)
    error(v.pos, fmt::format("{} must be an integer, found {}", what, v.number));
  else
    error(v.pos, fmt::format("{} must be {} {}, found {}", what,
                             kind == Kind::Int || kind == Kind::Array || kind == Kind::Object ? "an" : "a",
                             kind_name(kind), kind_name(v.kind)));
  return false;
}

std::optional<std::string> Checker::string_of(const Value& v, std::string_view what) {
  if (!expect(v, Kind::String, what)) return std::nullopt;
  return v.string;
}

std::optional<bool> Checker::bool_of(const Value& v, std::string_view what) {
  if (!expect(v, Kind::Bool, what)) return std::nullopt;
  return v.boolean;
}

std::optional<int64_t> Checker::int_of(const Value& v, std::string_view what, int64_t lo, int64_t hi) {
  if (!expect(v, Kind::Int, what)) return std::nullopt;
  if (v.integer < lo || v.integer > hi) {
    error(v.pos, fmt::format("{} must be between {} and {}, found {}", what, lo, hi, v.integer));
    return std::nullopt;
  }
  return v.integer;
}

std::optional<std::string> Checker::attribute_name(const Value& v, std::string_view what) {
  auto s = string_of(v, what);
  if (!s) return std::nullopt;
  if (s->size() < limits::kMinAttributeNameBytes || s->size() > limits::kMaxAttributeNameBytes) {
    error(v.pos, fmt::format("{} must be {}-{} bytes of UTF-8, found {}", what, limits::kMinAttributeNameBytes,
                             limits::kMaxAttributeNameBytes, s->size()));
    return std::nullopt;
  }
  return s;
}

void Checker::fields(const Value& obj, std::span<const std::string_view> known, std::string_view where) {
  for (const auto& m : obj.members) {
    if (std::find(known.begin(), known.end(), m.key) != known.end()) continue;
    std::string hint = closest(m.key, known);
    error(m.key_pos, fmt::format("unknown field {}{}{}", shown(m.key),
                                 where.empty() ? "" : fmt::format(" in {}", where),
                                 hint.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", hint)));
  }
}

const Value* Checker::required(const Value& holder, std::string_view field, std::string_view where) {
  const Value* v = holder.get(field);
  if (!v) error(holder.pos, fmt::format("{} is missing required field \"{}\"", where, field));
  return v;
}

}  // namespace ddbsynth
