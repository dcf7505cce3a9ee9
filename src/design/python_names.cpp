#include "design/python_names.hpp"

#include <algorithm>

#include "generate/python_source.hpp"

namespace ddbsynth::design {
namespace {

// PynamoDB 6's Model API and BaseModel's own names (entities/base.py).
constexpr std::string_view kModelMembers[] = {
    "Meta", "entity_type", "attribute_values", "batch_get", "batch_write", "count", "create_table", "delete",
    "delete_table", "describe_table", "deserialize", "exists", "from_dynamodb_dict", "from_json", "from_raw_data",
    "from_simple_dict", "get", "get_attributes", "query", "refresh", "save", "scan", "serialize",
    "to_dynamodb_dict", "to_json", "to_simple_dict", "update", "update_ttl", "transact_get", "transact_write"};

// Names the generated entity modules define or import at module level, and the modules next to
// them in entities/.
constexpr std::string_view kModuleNames[] = {
    "BaseModel", "Model", "Iterator", "UTC", "datetime", "Decimal", "DiscriminatorAttribute", "UnicodeAttribute",
    "NumberAttribute", "BinaryAttribute", "BooleanAttribute", "UnicodeSetAttribute", "NumberSetAttribute",
    "BinarySetAttribute", "ListAttribute", "MapAttribute", "TTLAttribute", "GlobalSecondaryIndex",
    "LocalSecondaryIndex"};
constexpr std::string_view kModules[] = {"base", "collections", "keys", "client"};

// Methods the generated code gives every entity besides its access patterns.
constexpr std::string_view kGeneratedMethods[] = {"create"};

template <size_t N>
bool in(std::string_view name, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

}  // namespace

std::string entity_module(std::string_view entity) {
  std::string_view base = entity;
  if (base.size() > 5 && base.ends_with("Model")) base.remove_suffix(5);
  return python::snake_case(base);
}

bool is_model_member(std::string_view name) { return in(name, kModelMembers); }

std::optional<std::string> reserved_class_name(std::string_view name) {
  if (python::is_keyword(name)) return "a Python keyword";
  if (in(name, kModuleNames)) return "a name the generated modules import or define";
  if (in(entity_module(name), kModules))
    return "written to entities/" + entity_module(name) + ".py, a module ddbsynth keeps for itself";
  return std::nullopt;
}

std::optional<std::string> reserved_attribute_name(std::string_view name) {
  if (python::is_keyword(name)) return "a Python keyword";
  if (name == "entity_type") return "the discriminator attribute every item carries";
  if (is_model_member(name)) return "a member of PynamoDB's Model, which an attribute would hide";
  if (name.starts_with("_")) return "private to PynamoDB (names starting with '_')";
  return std::nullopt;
}

std::optional<std::string> reserved_method_name(std::string_view name) {
  if (python::is_keyword(name)) return "a Python keyword";
  if (is_model_member(name)) return "a member of PynamoDB's Model, which the method would hide";
  if (in(name, kGeneratedMethods) || name.starts_with("make_"))
    return "a method ddbsynth generates for every entity (create, make_*)";
  return std::nullopt;
}

}  // namespace ddbsynth::design
