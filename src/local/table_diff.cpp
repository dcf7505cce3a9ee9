#include "local/table_diff.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace ddbsynth::local {
namespace {

// An index or table key with its projection, reduced to text: equal text, equal shape.
struct Shape {
  std::string key;
  std::string projection;  // "" for the table itself
  bool operator==(const Shape&) const = default;
  std::string text() const { return projection.empty() ? key : key + ", projection " + projection; }
};

std::string str(const Json& j, const char* member) {
  auto it = j.find(member);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const Json& list(const Json& j, const char* member) {
  static const Json empty = Json::array();
  auto it = j.find(member);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string describe_projection(Projection p, std::vector<std::string> non_key) {
  if (p != Projection::Include) return to_string(p);
  std::sort(non_key.begin(), non_key.end());
  return fmt::format("INCLUDE ({})", fmt::join(non_key, ", "));
}

// The existing table, read from DescribeTable's JSON.
class Described {
 public:
  explicit Described(const Json& table) : table_(table) {
    for (const auto& d : list(table, "AttributeDefinitions")) types_[str(d, "AttributeName")] = str(d, "AttributeType");
  }

  Shape table_key() const { return {key(list(table_, "KeySchema")), ""}; }

  std::map<std::string, Shape> indexes(const char* member) const {
    std::map<std::string, Shape> out;
    for (const auto& i : list(table_, member)) out[str(i, "IndexName")] = {key(list(i, "KeySchema")), projection(i)};
    return out;
  }

  std::string billing() const {
    auto it = table_.find("BillingModeSummary");
    std::string mode = it != table_.end() && it->is_object() ? str(*it, "BillingMode") : "";
    return mode.empty() ? "PROVISIONED" : mode;  // DynamoDB omits the summary for provisioned tables
  }

 private:
  std::string key(const Json& schema) const {
    std::string hash, range;
    for (const auto& k : schema) {
      std::string name = str(k, "AttributeName");
      auto type = types_.find(name);
      std::string text = fmt::format("{} ({})", name, type == types_.end() ? "?" : type->second);
      (str(k, "KeyType") == "RANGE" ? range : hash) = text;
    }
    return range.empty() ? hash : hash + ", " + range;
  }

  static std::string projection(const Json& index) {
    auto it = index.find("Projection");
    if (it == index.end() || !it->is_object()) return "ALL";
    std::string type = str(*it, "ProjectionType");
    if (type != "INCLUDE") return type.empty() ? "ALL" : type;
    std::vector<std::string> non_key;
    for (const auto& a : list(*it, "NonKeyAttributes"))
      if (a.is_string()) non_key.push_back(a.get<std::string>());
    return describe_projection(Projection::Include, non_key);
  }

  const Json& table_;
  std::map<std::string, std::string> types_;
};

Shape shape(const GlobalSecondaryIndex& g) {
  return {describe_key(g.partition_key, g.sort_key), describe_projection(g.projection, g.non_key_attributes)};
}

Shape shape(const Table& t, const LocalSecondaryIndex& l) {
  return {describe_key(t.partition_key, l.sort_key), describe_projection(l.projection, l.non_key_attributes)};
}

void compare_lsis(const Table& t, const Described& d, TablePlan& plan) {
  auto existing = d.indexes("LocalSecondaryIndexes");
  for (const auto& l : t.lsis) {
    auto it = existing.find(l.name);
    if (it == existing.end())
      plan.conflicts.push_back(fmt::format("LSI {} is configured but the table has none by that name", l.name));
    else if (!(it->second == shape(t, l)))
      plan.conflicts.push_back(fmt::format("LSI {} is {} on the table but {} in the config", l.name,
                                           it->second.text(), shape(t, l).text()));
    if (it != existing.end()) existing.erase(it);
  }
  for (const auto& [name, s] : existing)
    plan.conflicts.push_back(fmt::format("the table has LSI {} ({}), which the config does not", name, s.text()));
}

}  // namespace

std::string describe_key(const KeyAttribute& partition, const std::optional<KeyAttribute>& sort) {
  std::string out = fmt::format("{} ({})", partition.name, to_string(partition.type));
  if (sort) out += fmt::format(", {} ({})", sort->name, to_string(sort->type));
  return out;
}

TablePlan plan_update(const Table& t, const Json& described) {
  TablePlan plan;
  Described d(described);
  Shape wanted{describe_key(t.partition_key, t.sort_key), ""};
  if (!(d.table_key() == wanted))
    plan.conflicts.push_back(
        fmt::format("the table's key is {} but the config's is {}", d.table_key().text(), wanted.text()));
  compare_lsis(t, d, plan);

  auto existing = d.indexes("GlobalSecondaryIndexes");
  std::map<std::string, const GlobalSecondaryIndex*> configured;
  for (const auto& g : t.gsis) configured[g.name] = &g;
  // Deletions first, in the table's (sorted) order: they free the index slots creations need.
  for (const auto& [name, s] : existing) {
    auto it = configured.find(name);
    if (it == configured.end())
      plan.deletes.push_back({name, "no longer in the config"});
    else if (!(shape(*it->second) == s))
      plan.deletes.push_back({name, fmt::format("to recreate it: it is {}, the config wants {}", s.text(),
                                                shape(*it->second).text())});
  }
  for (const auto& g : t.gsis) {
    auto it = existing.find(g.name);
    if (it == existing.end() || !(it->second == shape(g))) plan.creates.push_back(&g);
  }

  if (d.billing() != to_string(t.billing))
    plan.notes.push_back(fmt::format("billing mode is {} on the table and {} in the config; apply leaves it (DynamoDB "
                                     "Local does not bill)",
                                     d.billing(), to_string(t.billing)));
  return plan;
}

}  // namespace ddbsynth::local
