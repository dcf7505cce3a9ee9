// The `entities` and `collections` sections (../shared/spec/entities.md): every rule of the
// contract that the config alone decides. What needs the templates' languages (collisions,
// isolation) is the design review's, in src/design.
#include <fmt/format.h>

#include <regex>
#include <set>
#include <unordered_set>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"
#include "design/python_names.hpp"

namespace ddbsynth {
namespace {

constexpr std::string_view kEntityFields[] = {"discriminator", "attributes", "keys", "accessPatterns"};
constexpr std::string_view kAttributeFields[] = {"type", "optional", "default"};
constexpr std::string_view kKeyFields[] = {"pk", "sk"};
constexpr std::string_view kPatternFields[] = {"get", "query", "sk", "order"};
constexpr std::string_view kCollectionFields[] = {"query", "entities"};

constexpr EnumName<ItemType> kItemTypes[] = {
    {"S", ItemType::S},   {"N", ItemType::N},   {"B", ItemType::B},   {"BOOL", ItemType::BOOL}, {"SS", ItemType::SS},
    {"NS", ItemType::NS}, {"BS", ItemType::BS}, {"L", ItemType::L},   {"M", ItemType::M}};

struct SkOpName {
  std::string_view name;
  SkOp op;
};
constexpr SkOpName kSkOps[] = {{"prefix", SkOp::Prefix}, {"between", SkOp::Between}, {"<", SkOp::Lt},
                               {"<=", SkOp::Le},         {">", SkOp::Gt},           {">=", SkOp::Ge},
                               {"=", SkOp::Eq}};

SourcePos at(Checker& c, TextPos p) { return SourcePos{c.table().source_file, p.line, p.column}; }

// One index an entity may have keys on, with the key attributes its templates must produce.
struct IndexKeys {
  std::string name;
  const KeyAttribute* pk = nullptr;  // null for an LSI: its partition key is the table's
  const KeyAttribute* sk = nullptr;
  bool lsi = false;
};

class DesignReader {
 public:
  explicit DesignReader(Checker& c) : c_(c), t_(c.table()) {
    indexes_.push_back({"table", &t_.partition_key, t_.sort_key ? &*t_.sort_key : nullptr, false});
    for (const auto& g : t_.gsis) indexes_.push_back({g.name, &g.partition_key, g.sort_key ? &*g.sort_key : nullptr, false});
    for (const auto& l : t_.lsis) indexes_.push_back({l.name, nullptr, &l.sort_key, true});
    for (const auto& k : t_.attribute_definitions()) key_attributes_.insert(k.name);
  }

  void entities(const Value& v) {
    if (!c_.object(v, "entities")) return;
    c_.record("entities", v);
    if (v.members.size() > limits::kMaxEntities) {
      c_.error(v.pos, fmt::format("at most {} entities are allowed, found {}", limits::kMaxEntities, v.members.size()));
      return;
    }
    std::set<std::string> modules;
    std::unordered_map<std::string, TextPos> discriminators;
    for (const auto& m : v.members) {
      Entity e;
      e.name = m.key;
      e.pos = at(c_, m.key_pos);
      entity_name(m.key, m.key_pos);
      if (!modules.insert(design::entity_module(m.key)).second)
        c_.error(m.key_pos, fmt::format("entity {} would be written to entities/{}.py, as another entity is",
                                        shown(m.key), design::entity_module(m.key)));
      if (!c_.object(m.value, fmt::format("entities.{}", m.key))) continue;
      entity(m.value, e);
      auto [it, fresh] = discriminators.try_emplace(e.discriminator, m.key_pos);
      if (!fresh)
        c_.error(m.key_pos, fmt::format("discriminator {} of entity {} is also the discriminator of an earlier "
                                        "entity (line {}); each entity type needs its own",
                                        shown(e.discriminator), m.key, it->second.line));
      t_.design.entities.push_back(std::move(e));
    }
  }

  void collections(const Value& v) {
    if (!c_.object(v, "collections")) return;
    c_.record("collections", v);
    for (const auto& m : v.members) {
      std::string where = fmt::format("collections.{}", m.key);
      method_name(m.key, m.key_pos, "collection name");
      if (!c_.object(m.value, where)) continue;
      c_.fields(m.value, kCollectionFields, where);
      Collection col;
      col.name = m.key;
      col.pos = at(c_, m.key_pos);
      if (const Value* q = c_.required(m.value, "query", where))
        if (auto s = c_.string_of(*q, where + ".query"); s && known_index(*s, q->pos)) col.index = *s;
      if (const Value* es = c_.required(m.value, "entities", where); es && c_.expect(*es, Value::Kind::Array, where + ".entities")) {
        if (es->items.size() < 2)
          c_.error(es->pos, fmt::format("{}.entities must list two or more entities, found {}", where, es->items.size()));
        std::set<std::string> listed;
        for (const auto& item : es->items) {
          auto s = c_.string_of(item, where + ".entities[]");
          if (!s) continue;
          if (!t_.design.entity(*s)) {
            unknown(item.pos, "entity", *s, entity_names());
            continue;
          }
          if (!listed.insert(*s).second) c_.error(item.pos, fmt::format("{} is listed twice in {}.entities", shown(*s), where));
          else col.entities.push_back(*s);
        }
      }
      t_.design.collections.push_back(std::move(col));
    }
  }

 private:
  Checker& c_;
  Table& t_;
  std::vector<IndexKeys> indexes_;
  std::unordered_set<std::string> key_attributes_;
  size_t patterns_ = 0;
  bool too_many_patterns_ = false;

  const IndexKeys* index(std::string_view name) const {
    for (const auto& i : indexes_)
      if (i.name == name) return &i;
    return nullptr;
  }

  void unknown(TextPos p, std::string_view what, const std::string& name, const std::vector<std::string>& known) {
    std::vector<std::string_view> views(known.begin(), known.end());
    std::string hint = closest(name, views);
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    c_.error(p, fmt::format("unknown {} {}{} ({}: {})", what, shown(name),
                            hint.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", hint),
                            what == "index" ? "indexes" : "known", list.empty() ? "none" : list));
  }

  bool known_index(const std::string& name, TextPos p) {
    if (index(name)) return true;
    std::vector<std::string> names;
    for (const auto& i : indexes_) names.push_back(i.name);
    unknown(p, "index", name, names);
    return false;
  }

  std::vector<std::string> entity_names() const {
    std::vector<std::string> out;
    for (const auto& e : t_.design.entities) out.push_back(e.name);
    return out;
  }

  void entity_name(const std::string& name, TextPos p) {
    static const std::regex kName("[A-Z][A-Za-z0-9_]*");
    if (!std::regex_match(name, kName))
      c_.error(p, fmt::format("entity name {} must be a Python class name: a capital letter, then letters, digits "
                              "or _ ([A-Z][A-Za-z0-9_]*)", shown(name)));
    else if (auto why = design::reserved_class_name(name))
      c_.error(p, fmt::format("entity name {} is {}", shown(name), *why));
  }

  // Pattern and collection names: methods and functions of the generated code.
  void method_name(const std::string& name, TextPos p, std::string_view what) {
    static const std::regex kName("[a-z][a-z0-9_]*");
    if (!std::regex_match(name, kName))
      c_.error(p, fmt::format("{} {} must be [a-z][a-z0-9_]*", what, shown(name)));
    else if (auto why = design::reserved_method_name(name))
      c_.error(p, fmt::format("{} {} is {}", what, shown(name), *why));
  }

  void entity(const Value& v, Entity& e) {
    std::string where = fmt::format("entities.{}", e.name);
    c_.fields(v, kEntityFields, where);
    e.discriminator = e.name;
    if (auto* d = v.get("discriminator"))
      if (auto s = c_.string_of(*d, where + ".discriminator")) {
        if (s->empty() || has_control(*s) || s->size() > 255)
          c_.error(d->pos, fmt::format("{}.discriminator must be 1-255 bytes with no control characters", where));
        e.discriminator = *s;
      }
    if (auto* a = v.get("attributes")) attributes(*a, where, e);
    if (auto* k = c_.required(v, "keys", where)) keys(*k, where, e);
    if (auto* p = v.get("accessPatterns")) patterns(*p, where, e);
  }

  void attributes(const Value& v, const std::string& where, Entity& e) {
    if (!c_.object(v, where + ".attributes")) return;
    for (const auto& m : v.members) {
      EntityAttribute a;
      a.name = m.key;
      a.pos = at(c_, m.key_pos);
      attribute_name(m.key, m.key_pos, where);
      std::string what = fmt::format("{}.attributes.{}", where, m.key);
      if (m.value.kind == Value::Kind::String) {
        std::string type = m.value.string;
        if (type.ends_with('?')) {
          a.optional = true;
          type.pop_back();
        }
        Value bare = m.value;
        bare.string = type;
        if (auto t = c_.enum_of(bare, what, kItemTypes)) a.type = *t;
        else continue;
      } else if (m.value.kind == Value::Kind::Object) {
        c_.fields(m.value, kAttributeFields, what);
        if (auto* t = c_.required(m.value, "type", what)) {
          if (auto ty = c_.enum_of(*t, what + ".type", kItemTypes)) a.type = *ty;
          else continue;
        }
        if (auto* o = m.value.get("optional"))
          if (auto b = c_.bool_of(*o, what + ".optional")) a.optional = *b;
        if (auto* d = m.value.get("default"))
          if (auto s = c_.string_of(*d, what + ".default")) {
            if (*s != "now") c_.error(d->pos, fmt::format("{}.default must be \"now\", found {}", what, shown(*s)));
            else if (a.type != ItemType::S)
              c_.error(d->pos, fmt::format("{}.default \"now\" needs type S (an ISO-8601 time), found {}", what, to_string(a.type)));
            else a.default_now = true;
          }
      } else {
        c_.error(m.value.pos, fmt::format("{} must be a type (\"S\", \"N?\", ...) or {{\"type\", \"optional\", "
                                          "\"default\"}}, found {}", what, kind_name(m.value.kind)));
        continue;
      }
      if (t_.ttl_attribute && *t_.ttl_attribute == a.name && a.type != ItemType::N)
        c_.error(m.value.pos, fmt::format("{} is the table's timeToLiveAttribute, so its type must be N (epoch "
                                          "seconds), found {}", what, to_string(a.type)));
      e.attributes.push_back(std::move(a));
    }
  }

  void attribute_name(const std::string& name, TextPos p, const std::string& where) {
    static const std::regex kIdentifier("[A-Za-z_][A-Za-z0-9_]*");
    if (!std::regex_match(name, kIdentifier) || name.size() > limits::kMaxAttributeNameBytes)
      c_.error(p, fmt::format("attribute {} of {} must be a Python identifier ([A-Za-z_][A-Za-z0-9_]*, at most {} "
                              "bytes)", shown(name), where, limits::kMaxAttributeNameBytes));
    else if (key_attributes_.contains(name))
      c_.error(p, fmt::format("attribute {} of {} is a key attribute of the table or an index: key attributes are "
                              "written from the key templates, not declared", shown(name), where));
    else if (auto why = design::reserved_attribute_name(name))
      c_.error(p, fmt::format("attribute {} of {} is {}", shown(name), where, *why));
  }

  // "USER#{userId}" -> literal "USER#", placeholder "userId". `{{` and `}}` are literal braces.
  std::optional<KeyTemplate> parse_template(const Value& v, const std::string& what) {
    auto s = c_.string_of(v, what);
    if (!s) return std::nullopt;
    KeyTemplate t;
    t.source = *s;
    t.pos = at(c_, v.pos);
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) t.parts.push_back({false, std::move(literal)});
      literal.clear();
    };
    for (size_t i = 0; i < s->size(); ++i) {
      char ch = (*s)[i];
      if (ch == '{' && i + 1 < s->size() && (*s)[i + 1] == '{') {
        literal += '{';
        ++i;
      } else if (ch == '}' && i + 1 < s->size() && (*s)[i + 1] == '}') {
        literal += '}';
        ++i;
      } else if (ch == '}') {
        c_.error(v.pos, fmt::format("{} {}: '}}' at character {} closes no placeholder (write '}}}}' for a literal "
                                    "brace)", what, brief(*s), i + 1));
        return std::nullopt;
      } else if (ch == '{') {
        size_t close = s->find_first_of("{}", i + 1);
        if (close == std::string::npos || (*s)[close] == '{') {
          c_.error(v.pos, fmt::format("{} {}: the placeholder opened at character {} is not closed (write '{{{{' "
                                      "for a literal brace)", what, brief(*s), i + 1));
          return std::nullopt;
        }
        std::string name = s->substr(i + 1, close - i - 1);
        if (name.empty()) {
          c_.error(v.pos, fmt::format("{} {}: empty placeholder {{}} at character {}", what, brief(*s), i + 1));
          return std::nullopt;
        }
        flush();
        t.parts.push_back({true, std::move(name)});
        i = close;
        if (t.parts.size() > 2 * limits::kMaxTemplatePlaceholders + 1) {
          c_.error(v.pos, fmt::format("{} has more than {} placeholders", what, limits::kMaxTemplatePlaceholders));
          return std::nullopt;
        }
      } else {
        literal += ch;
      }
    }
    flush();
    if (t.parts.empty()) {
      c_.error(v.pos, fmt::format("{} must not be empty: a key value is at least 1 byte", what));
      return std::nullopt;
    }
    return t;
  }

  // The placeholders name attributes of `e` of the right types; the template's type is the key's.
  void check_template(const KeyTemplate& t, const Entity& e, const std::string& what, const KeyAttribute& key,
                      bool in_table, size_t max_bytes, bool& sparse) {
    TextPos p{t.pos.line, t.pos.column};
    size_t placeholders = 0, min_bytes = 0;
    for (const auto& part : t.parts) {
      if (!part.placeholder) {
        min_bytes += part.text.size();
        continue;
      }
      ++placeholders;
      ++min_bytes;
      const EntityAttribute* a = e.attribute(part.text);
      if (!a) {
        std::vector<std::string> names;
        for (const auto& x : e.attributes) names.push_back(x.name);
        std::string extra = key_attributes_.contains(part.text)
                                ? fmt::format(" ({} is a key attribute: a template holds the entity's own attributes)",
                                              shown(part.text))
                                : "";
        if (extra.empty()) unknown(p, fmt::format("placeholder in {}: attribute", what).c_str(), part.text, names);
        else c_.error(p, fmt::format("placeholder {{{}}} in {} names no attribute of {}{}", part.text, what, e.name, extra));
        continue;
      }
      bool ok = t.bare() ? (a->type == ItemType::S || a->type == ItemType::N || a->type == ItemType::B)
                         : (a->type == ItemType::S || a->type == ItemType::N);
      if (!ok)
        c_.error(p, fmt::format("placeholder {{{}}} in {} has type {}; a key template takes S or N attributes{}",
                                part.text, what, to_string(a->type), t.bare() ? " (or B, alone)" : ""));
      if (a->optional) {
        if (in_table)
          c_.error(p, fmt::format("placeholder {{{}}} in {} names an optional attribute: every item has a primary "
                                  "key, so its attributes must be required", part.text, what));
        else sparse = true;
      }
    }
    if (placeholders > limits::kMaxTemplatePlaceholders) {
      c_.error(p, fmt::format("{} has {} placeholders; at most {} are allowed", what, placeholders,
                              limits::kMaxTemplatePlaceholders));
      return;
    }
    if (min_bytes > max_bytes)
      c_.error(p, fmt::format("{} makes keys of at least {} bytes; DynamoDB allows at most {}", what, min_bytes, max_bytes));
    AttributeType type = AttributeType::S;
    if (t.bare())
      if (const EntityAttribute* a = e.attribute(t.parts[0].text))
        type = a->type == ItemType::N ? AttributeType::N : a->type == ItemType::B ? AttributeType::B : AttributeType::S;
    if (type != key.type)
      c_.error(p, fmt::format("{} gives {} values, but the key attribute {} has type {}{}", what, to_string(type),
                              shown(key.name), to_string(key.type),
                              t.bare() ? "" : " (a template with text is a string)"));
  }

  void keys(const Value& v, const std::string& where, Entity& e) {
    if (!c_.object(v, where + ".keys")) return;
    for (const auto& m : v.members) {
      std::string what = fmt::format("{}.keys.{}", where, m.key);
      const IndexKeys* ix = index(m.key);
      if (!ix) {
        known_index(m.key, m.key_pos);
        continue;
      }
      if (!c_.object(m.value, what)) continue;
      c_.fields(m.value, kKeyFields, what);
      EntityKey k;
      k.index = m.key;
      k.pos = at(c_, m.key_pos);
      bool in_table = m.key == "table";
      const Value* pk = m.value.get("pk");
      const Value* sk = m.value.get("sk");
      if (ix->lsi) {
        if (pk) c_.error(pk->pos, fmt::format("{} must not have pk: a local index's partition key is the table's "
                                              "(keys.table.pk)", what));
      } else if (!pk) {
        c_.error(m.value.pos, fmt::format("{} is missing required field \"pk\"", what));
      } else if ((k.pk = parse_template(*pk, what + ".pk"))) {
        check_template(*k.pk, e, what + ".pk", *ix->pk, in_table, limits::kMaxPartitionKeyBytes, k.sparse);
      }
      if (ix->sk && !sk)
        c_.error(m.value.pos, fmt::format("{} is missing \"sk\": index {} has sort key {}", what, shown(m.key),
                                          shown(ix->sk->name)));
      else if (!ix->sk && sk)
        c_.error(sk->pos, fmt::format("{} has \"sk\", but index {} has no sort key", what, shown(m.key)));
      else if (sk && (k.sk = parse_template(*sk, what + ".sk")))
        check_template(*k.sk, e, what + ".sk", *ix->sk, in_table, limits::kMaxSortKeyBytes, k.sparse);
      e.keys.push_back(std::move(k));
    }
    if (!e.key("table")) c_.error(v.pos, fmt::format("{}.keys is missing required field \"table\" (the primary key)", where));
  }

  void patterns(const Value& v, const std::string& where, Entity& e) {
    if (!c_.object(v, where + ".accessPatterns")) return;
    patterns_ += v.members.size();
    if (patterns_ > limits::kMaxAccessPatterns) {
      if (!too_many_patterns_)
        c_.error(v.pos, fmt::format("at most {} access patterns are allowed in all", limits::kMaxAccessPatterns));
      too_many_patterns_ = true;
      return;
    }
    for (const auto& m : v.members) {
      std::string what = fmt::format("{}.accessPatterns.{}", where, m.key);
      method_name(m.key, m.key_pos, "access pattern name");
      if (e.attribute(m.key))
        c_.error(m.key_pos, fmt::format("access pattern {} has the name of an attribute of {}", shown(m.key), e.name));
      if (!c_.object(m.value, what)) continue;
      c_.fields(m.value, kPatternFields, what);
      AccessPattern p;
      p.name = m.key;
      p.pos = at(c_, m.key_pos);
      const Value* get = m.value.get("get");
      const Value* query = m.value.get("query");
      if ((get != nullptr) == (query != nullptr)) {
        c_.error(m.value.pos, fmt::format("{} needs exactly one of \"get\" or \"query\"", what));
        continue;
      }
      if (get) {
        p.get = true;
        p.index = "table";
        if (auto s = c_.string_of(*get, what + ".get"); s && *s != "table")
          c_.error(get->pos, fmt::format("{}.get must be \"table\": GetItem reads the primary key only", what));
        for (const char* f : {"sk", "order"})
          if (const Value* x = m.value.get(f))
            c_.error(x->pos, fmt::format("{}.{} is only for a query: a get names the whole primary key", what, f));
      } else if (auto s = c_.string_of(*query, what + ".query"); s && known_index(*s, query->pos)) {
        p.index = *s;
      }
      if (const Value* o = m.value.get("order"); o && !p.get)
        if (auto s = c_.string_of(*o, what + ".order")) {
          if (*s == "desc") p.descending = true;
          else if (*s != "asc") c_.error(o->pos, fmt::format("{}.order must be \"asc\" or \"desc\", found {}", what, shown(*s)));
        }
      if (const Value* sk = m.value.get("sk"); sk && !p.get) p.sk = sk_condition(*sk, what, e, p.index);
      e.patterns.push_back(std::move(p));
    }
  }

  std::optional<SkCondition> sk_condition(const Value& v, const std::string& what, const Entity& e,
                                          const std::string& index_name) {
    if (!c_.object(v, what + ".sk")) return std::nullopt;
    if (v.members.size() != 1) {
      c_.error(v.pos, fmt::format("{}.sk needs exactly one condition: prefix, between, <, <=, >, >= or =", what));
      return std::nullopt;
    }
    const Member& m = v.members[0];
    SkCondition out;
    out.pos = at(c_, m.key_pos);
    const SkOpName* op = nullptr;
    for (const auto& o : kSkOps)
      if (o.name == m.key) op = &o;
    if (!op) {
      std::vector<std::string> names;
      for (const auto& o : kSkOps) names.emplace_back(o.name);
      unknown(m.key_pos, "sort key condition", m.key, names);
      return std::nullopt;
    }
    out.op = op->op;
    const IndexKeys* ix = index(index_name);
    if (ix && !ix->sk) {
      c_.error(m.key_pos, fmt::format("{}.sk: index {} has no sort key", what, shown(index_name)));
      return std::nullopt;
    }
    const EntityKey* key = e.key(index_name);
    const KeyTemplate* sk = key && key->sk ? &*key->sk : nullptr;
    std::vector<std::string> names = sk ? sk->placeholders() : std::vector<std::string>{};
    if (out.op == SkOp::Prefix) {
      if (!c_.expect(m.value, Value::Kind::Array, what + ".sk.prefix")) return std::nullopt;
      for (const auto& item : m.value.items)
        if (auto s = c_.string_of(item, what + ".sk.prefix[]")) out.prefix.push_back(*s);
      if (out.prefix.empty()) {
        c_.error(m.value.pos, fmt::format("{}.sk.prefix must name the sort key's leading placeholders, at least one", what));
        return std::nullopt;
      }
      if (!sk) return out;  // no key on this index: the review says so (INDEX_KEY_MISSING)
      bool leading = out.prefix.size() <= names.size() &&
                     std::equal(out.prefix.begin(), out.prefix.end(), names.begin());
      if (!leading)
        c_.error(m.value.pos, fmt::format("{}.sk.prefix must be the leading placeholders of {} in order ({}), "
                                          "found [{}]", what, shown(sk->source), fmt::join(names, ", "),
                                          fmt::join(out.prefix, ", ")));
      return out;
    }
    auto s = c_.string_of(m.value, fmt::format("{}.sk.{}", what, m.key));
    if (!s) return std::nullopt;
    out.attribute = *s;
    if (sk && (names.empty() || names[0] != *s))
      c_.error(m.value.pos, fmt::format("{}.sk.{} must name the first placeholder of the sort key {}{}", what,
                                        m.key, shown(sk->source),
                                        names.empty() ? ", which has none" : fmt::format(" ({})", shown(names[0]))));
    return out;
  }
};

}  // namespace

void read_design(Checker& c, const Value& root) {
  if (!root.get("entities") && !root.get("collections")) return;  // a config as before entities
  DesignReader r(c);
  if (const Value* e = root.get("entities")) r.entities(*e);
  if (const Value* col = root.get("collections")) r.collections(*col);
}

}  // namespace ddbsynth
