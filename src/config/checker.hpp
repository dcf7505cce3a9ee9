// What every section validator shares: located errors, type checks, enum and unknown-field checks.
// Internal to src/config; one validator per config section builds on it.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbsynth/diagnostics.hpp"
#include "ddbsynth/model.hpp"
#include "document.hpp"
#include "suggest.hpp"

namespace ddbsynth {

template <typename E>
struct EnumName {
  std::string_view name;
  E value;
};

inline constexpr EnumName<TableClass> kTableClasses[] = {
    {"STANDARD", TableClass::Standard}, {"STANDARD_INFREQUENT_ACCESS", TableClass::StandardInfrequentAccess}};

using Tags = std::vector<std::pair<std::string, std::string>>;

size_t code_points(std::string_view s);
bool has_control(std::string_view s);
// `s` quoted for a message: one line, quotes and control characters escaped.
std::string shown(std::string_view s);
// shown(), cut to its first characters when long: a message about a 1 MB value stays short.
std::string brief(std::string_view s);

class Checker {
 public:
  using Kind = Value::Kind;
  explicit Checker(const std::string& file) : file_(file) { table_.source_file = file; }
  virtual ~Checker() = default;

  Table& table() { return table_; }
  void error(TextPos p, std::string message);
  void record(const std::string& path, const Value& v);

  bool expect(const Value& v, Kind kind, std::string_view what);
  bool object(const Value& v, std::string_view what) { return expect(v, Kind::Object, what); }
  std::optional<std::string> string_of(const Value& v, std::string_view what);
  std::optional<bool> bool_of(const Value& v, std::string_view what);
  std::optional<int64_t> int_of(const Value& v, std::string_view what, int64_t lo, int64_t hi);
  std::optional<std::string> attribute_name(const Value& v, std::string_view what);
  // Unknown fields are errors, with the closest known one as a hint.
  void fields(const Value& obj, std::span<const std::string_view> known, std::string_view where);
  // A field that must be present: reports its absence at the holder.
  const Value* required(const Value& holder, std::string_view field, std::string_view where);

  template <typename E, size_t N>
  std::optional<E> enum_of(const Value& v, std::string_view what, const EnumName<E> (&names)[N]) {
    auto s = string_of(v, what);
    if (!s) return std::nullopt;
    for (const auto& n : names)
      if (n.name == *s) return n.value;
    std::vector<std::string_view> all;
    std::string list;
    for (const auto& n : names) {
      all.push_back(n.name);
      list += list.empty() ? "" : ", ";
      list += n.name;
    }
    std::string hint = closest(*s, all);
    error(v.pos, fmt::format("{} must be one of {}, found {}{}", what, list, shown(*s),
                             hint.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", hint)));
    return std::nullopt;
  }

  // A map of AWS tags (the table's rules), sorted as the model keeps tags.
  virtual void tag_map(const Value& v, const std::string& where, Tags& out) = 0;

 protected:
  const std::string& file_;
  Table table_;
  std::vector<Diagnostic> diags_;
};

// Sections of tableConfig, one file each. Each reads its fields into table(); the check_*
// functions run once every section is read, for rules that span sections.

// validate_capacity.cpp: maxRead/WriteRequestUnits, warmThroughput, autoScaling of the table
// (where = "tableConfig") or of one GSI.
struct CapacityFields {
  OnDemandThroughput& on_demand;
  std::optional<WarmThroughput>& warm;
  AutoScaling& auto_scaling;
};
void read_capacity(Checker& c, const Value& holder, const std::string& where, bool provisioned,
                   const std::optional<Capacity>& capacity, CapacityFields out);

// validate_options.cpp
void read_options(Checker& c, const Value& tc);
std::optional<ContributorInsights> read_contributor_insights(Checker& c, const Value& v, const std::string& what);

bool is_kinesis_stream_arn(std::string_view s);
// Why `s` is not a valid S3 general purpose bucket name, or nothing when it is.
std::optional<std::string> bucket_name_problem(std::string_view s);

// validate_policy.cpp
std::optional<std::string> read_resource_policy(Checker& c, const Value& v, const std::string& what);
std::string compact_json(const Value& v);

// validate_replicas.cpp
void read_global_table(Checker& c, const Value& tc);
void check_global_table(Checker& c, const Value& tc);

// validate_entities.cpp: `entities` and `collections` at the top level, after tableConfig.
void read_design(Checker& c, const Value& root);

// The region pattern of AWS (us-east-1, us-gov-west-1, cn-north-1, eu-isoe-west-1).
bool is_region(std::string_view s);

}  // namespace ddbsynth
