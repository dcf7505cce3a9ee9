// The Python names the generated entity code takes, so that config names never collide with
// them: one place for the reader's checks and the generator's choices.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ddbsynth::design {

// The module an entity is written to: "UserModel" -> "user", "ArticleTagModel" -> "article_tag".
std::string entity_module(std::string_view entity);

// Why a name cannot be used, or nothing: "a Python keyword", "a member of PynamoDB's Model", ...
std::optional<std::string> reserved_class_name(std::string_view name);      // entity classes
std::optional<std::string> reserved_attribute_name(std::string_view name);  // entity attributes
std::optional<std::string> reserved_method_name(std::string_view name);     // patterns, collections

// Members of PynamoDB's Model (and what BaseModel adds) that a subclass must not shadow.
bool is_model_member(std::string_view name);

}  // namespace ddbsynth::design
