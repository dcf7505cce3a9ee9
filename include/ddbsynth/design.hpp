// The items of one table as data (../shared/spec/entities.md): entity types, their key templates
// and access patterns, and collections. Read by src/config, reviewed by src/design.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbsynth/source_pos.hpp"

namespace ddbsynth {

// The attribute types an entity may declare (DynamoDB's data types).
enum class ItemType { S, N, B, BOOL, SS, NS, BS, L, M };

struct EntityAttribute {
  std::string name;  // a DynamoDB attribute name and a Python identifier
  ItemType type = ItemType::S;
  bool optional = false;
  bool default_now = false;  // `default: "now"`: the ISO-8601 UTC time of create (type S)
  SourcePos pos;
};

// One piece of a key template: literal text, or a placeholder naming an attribute.
struct TemplatePart {
  bool placeholder = false;
  std::string text;  // the literal text (braces unescaped), or the attribute's name
  bool operator==(const TemplatePart&) const = default;
};

struct KeyTemplate {
  std::string source;  // as written, for messages
  std::vector<TemplatePart> parts;  // adjacent literals merged
  SourcePos pos;

  // One placeholder and nothing else: the attribute's own value and type.
  bool bare() const { return parts.size() == 1 && parts[0].placeholder; }
  // Placeholder names in order of appearance (a name used twice appears twice).
  std::vector<std::string> placeholders() const;
  // Literal text before the first placeholder ("ORDER#" for "ORDER#{id}").
  std::string literal_prefix() const;
};

// The key templates of one entity on one index ("table", a GSI or an LSI).
struct EntityKey {
  std::string index;              // "table" or the index name
  std::optional<KeyTemplate> pk;  // absent for an LSI (its partition key is the table's)
  std::optional<KeyTemplate> sk;  // present exactly when the index has a sort key
  bool sparse = false;            // a template names an optional attribute (GSI/LSI only)
  SourcePos pos;
};

enum class SkOp { Prefix, Between, Lt, Le, Gt, Ge, Eq };

struct SkCondition {
  SkOp op = SkOp::Prefix;
  std::vector<std::string> prefix;  // Prefix: the leading placeholders, in order
  std::string attribute;            // any other op: the sort key's first placeholder
  SourcePos pos;
};

struct AccessPattern {
  std::string name;  // [a-z][a-z0-9_]*
  bool get = false;  // GetItem on the table; otherwise Query
  std::string index;  // "table" for get
  std::optional<SkCondition> sk;
  bool descending = false;  // order: desc
  SourcePos pos;
};

struct Entity {
  std::string name;           // the Python class name
  std::string discriminator;  // the entity_type value; default: name
  std::vector<EntityAttribute> attributes;  // config order
  std::vector<EntityKey> keys;              // config order; "table" always present
  std::vector<AccessPattern> patterns;      // config order
  SourcePos pos;

  const EntityAttribute* attribute(std::string_view name) const;
  const EntityKey* key(std::string_view index) const;
};

struct Collection {
  std::string name;
  std::string index;
  std::vector<std::string> entities;  // two or more, config order
  SourcePos pos;
};

struct Design {
  std::vector<Entity> entities;  // config order
  std::vector<Collection> collections;
  bool empty() const { return entities.empty() && collections.empty(); }
  const Entity* entity(std::string_view name) const;
};

const char* to_string(ItemType);  // "S", "N", ..., "M"
const char* to_string(SkOp);      // "prefix", "between", "<", "<=", ">", ">=", "="

}  // namespace ddbsynth
