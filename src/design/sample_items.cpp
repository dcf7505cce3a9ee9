#include "design/sample_items.hpp"

#include <fmt/format.h>

#include <set>

namespace ddbsynth::design {
namespace {

// Prefixes of each other, non-ASCII, a space: what a weak template or a bad sort trips over.
constexpr const char* kText[] = {"1", "10", "100", "\xc3\xa9t\xc3\xa9", "\xce\xa9mega", "a b", "Z"};
// Numbers whose text order is not their numeric order.
constexpr const char* kNumbers[] = {"9", "10", "100", "-1", "2.5", "0"};

const char* pick(const char* const* pool, size_t size, size_t k, unsigned seed) { return pool[(k + seed) % size]; }

// Attributes a GSI or LSI partition key template names but the table's does not: sharing a few
// values puts several items in each partition of the patterns that query by them.
std::set<std::string> grouping_attributes(const Entity& e) {
  std::set<std::string> table, group;
  if (const EntityKey* k = e.key("table"); k && k->pk)
    for (const auto& n : k->pk->placeholders()) table.insert(n);
  for (const auto& k : e.keys)
    if (k.index != "table" && k.pk)
      for (const auto& n : k.pk->placeholders())
        if (!table.contains(n)) group.insert(n);
  return group;
}

Json value_of(const EntityAttribute& a, size_t k, unsigned seed, bool grouping) {
  switch (a.type) {
    case ItemType::S: {
      if (a.default_now)  // distinct times, not in item order
        return Json{{"S", fmt::format("2026-{:02}-{:02}T{:02}:00:00+00:00", 1 + k % 12, 1 + (k * 7 + seed) % 28, k % 24)}};
      if (grouping) return Json{{"S", pick(kText, std::size(kText), k % 2, seed)}};
      std::string v = pick(kText, std::size(kText), k, seed);
      if (k >= std::size(kText)) v += fmt::format("~{}", k);
      return Json{{"S", v}};
    }
    case ItemType::N: {
      if (grouping) return Json{{"N", pick(kNumbers, std::size(kNumbers), k % 2, seed)}};
      std::string v = pick(kNumbers, std::size(kNumbers), k, seed);
      if (k >= std::size(kNumbers)) v = fmt::format("{}{}", k, v[0] == '-' ? "" : v);
      return Json{{"N", v}};
    }
    case ItemType::B: return Json{{"B", fmt::format("Yj{}=", static_cast<char>('A' + k % 26))}};
    case ItemType::BOOL: return Json{{"BOOL", k % 2 == 0}};
    case ItemType::SS: return Json{{"SS", {"a", fmt::format("s{}", k)}}};
    case ItemType::NS: return Json{{"NS", {"1", fmt::format("{}", k + 2)}}};
    case ItemType::BS: return Json{{"BS", {"YQ=="}}};
    case ItemType::L: return Json{{"L", Json::array({Json{{"S", "x"}}})}};
    case ItemType::M: return Json{{"M", Json{{"k", Json{{"N", fmt::format("{}", k)}}}}}};
  }
  return Json{{"NULL", true}};
}

}  // namespace

std::string scalar(const Json& typed) {
  const Json& v = typed.begin().value();
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::optional<Json> key_value(const std::vector<TemplatePart>& parts, const Json& values, AttributeType type) {
  if (parts.size() == 1 && parts[0].placeholder) {
    if (!values.contains(parts[0].text)) return std::nullopt;
    return values[parts[0].text];
  }
  std::string s;
  for (const auto& p : parts) {
    if (!p.placeholder) {
      s += p.text;
      continue;
    }
    if (!values.contains(p.text)) return std::nullopt;
    s += scalar(values[p.text]);
  }
  (void)type;  // a template with text is always a string
  return Json{{"S", s}};
}

std::vector<SampleItem> sample_items(const Table& t, unsigned seed, size_t per_entity) {
  std::vector<SampleItem> out;
  auto key_attr = [&](const std::string& index, bool partition) -> const KeyAttribute* {
    if (index == "table") return partition ? &t.partition_key : (t.sort_key ? &*t.sort_key : nullptr);
    for (const auto& g : t.gsis)
      if (g.name == index) return partition ? &g.partition_key : (g.sort_key ? &*g.sort_key : nullptr);
    for (const auto& l : t.lsis)
      if (l.name == index) return partition ? nullptr : &l.sort_key;
    return nullptr;
  };
  for (const auto& e : t.design.entities) {
    auto grouping = grouping_attributes(e);
    for (size_t k = 0; k < per_entity; ++k) {
      Json values = Json::object();
      for (const auto& a : e.attributes)
        if (!a.optional || k % 2 == 0) values[a.name] = value_of(a, k, seed, grouping.contains(a.name));
      Json item = values;
      for (const auto& key : e.keys)
        for (bool partition : {true, false}) {
          const auto& tmpl = partition ? key.pk : key.sk;
          const KeyAttribute* attr = key_attr(key.index, partition);
          if (!tmpl || !attr) continue;
          if (auto v = key_value(tmpl->parts, values, attr->type)) item[attr->name] = *v;
        }
      item["entity_type"] = Json{{"S", e.discriminator}};
      item[kSampleAttribute] = Json{{"S", fmt::format("{}#{}", e.name, k)}};
      out.push_back({&e, k, std::move(item)});
    }
  }
  return out;
}

}  // namespace ddbsynth::design
