// The design review of ../shared/spec/entities.md: for each access pattern, the exact request it
// makes and what else that request reads; and the findings (collisions, unisolated queries, ...).
// The generated code and `model` both take their key conditions from here, so they cannot differ.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ddbsynth/design.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth {

enum class KeyOp { None, BeginsWith, Between, Lt, Le, Gt, Ge, Eq };

// The key condition of one GetItem or Query. Values are literal text and parameters: in `pk`,
// `sk` and `sk_end` a placeholder part names a parameter (a Python argument of the method).
struct KeyCondition {
  std::string index;  // "table" or the index name
  std::string pk_attribute;
  AttributeType pk_type = AttributeType::S;
  std::vector<TemplatePart> pk;
  std::string sk_attribute;  // "" when the condition leaves the sort key open
  AttributeType sk_type = AttributeType::S;
  KeyOp sk_op = KeyOp::None;  // Eq for a GetItem's sort key
  std::vector<TemplatePart> sk;
  std::vector<TemplatePart> sk_end;  // Between only

  // `gsi1pk = "USER#<userId>" AND begins_with(gsi1sk, "ORDER#")`: literal text as it is, each
  // parameter as <name>; an N value unquoted.
  std::string text() const;
};

struct Parameter {
  std::string name;      // the argument name: the attribute's, or <attr>_start / <attr>_end
  std::string attribute;  // the entity attribute it fills
  AttributeType type = AttributeType::S;
  bool operator==(const Parameter&) const = default;
};

struct PatternPlan {
  std::string entity;  // the entity, or "" for a collection
  std::string name;    // the pattern's name, or the collection's
  bool get = false;
  bool collection = false;
  std::vector<std::string> entities;  // a collection's listed entities; else {entity}
  KeyCondition condition;
  bool descending = false;
  std::vector<Parameter> parameters;
  std::vector<std::string> also_reads;  // other entities the request reads, by name, sorted
  std::vector<std::string> notes;       // projection omissions, sparse entities
  SourcePos pos;
};

enum class Severity { Error, Warning, Info };

struct DesignFinding {
  Severity severity = Severity::Error;
  std::string code;  // PRIMARY_KEY_COLLISION, QUERY_READS_OTHER_ENTITIES, ...
  std::string message;
  SourcePos pos;
  std::vector<std::string> entities;
  std::string index;
  std::optional<std::string> pattern;
  std::optional<std::string> witness_pk, witness_sk;
};

struct DesignReview {
  std::vector<PatternPlan> patterns;  // entities in config order, each one's patterns in order;
                                      // then collections
  std::vector<DesignFinding> findings;  // by position in the config
  bool has_error() const;
};

// Reviews t.design against t's key schema. Deterministic.
DesignReview review_design(const Table& t);

const char* to_string(Severity);  // "error", "warning", "info"

}  // namespace ddbsynth
