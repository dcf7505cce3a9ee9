#include "construct_tree.hpp"

#include <fmt/format.h>

#include "ddbsynth/backend.hpp"
#include "js_object.hpp"
#include "unique_id.hpp"

namespace ddbsynth::cdk {
namespace {

constexpr std::string_view kResource = "Resource";
constexpr std::string_view kDefault = "Default";

std::string child_path(const std::string& scope, const std::string& id) { return scope.empty() ? id : scope + "/" + id; }

std::string where(const std::string& scope) { return scope.empty() ? "the app" : scope; }

}  // namespace

std::string ConstructTree::add(const std::string& scope, std::string_view id, std::string_view what,
                               const std::optional<SourcePos>& pos) {
  std::string sanitized = sanitize_id(id);
  std::string path = child_path(scope, sanitized);
  auto [it, fresh] = owner_.emplace(path, Owner{std::string(what), pos});
  if (!fresh) {
    SourcePos at = pos.value_or(it->second.pos.value_or(SourcePos{}));
    throw BackendError{at, fmt::format("the CDK cannot build this stack: {} and {} both have construct id \"{}\" in {} "
                                       "(aws-cdk-lib fails with \"There is already a Construct with name '{}'\")",
                                       it->second.what, what, sanitized, where(scope), sanitized)};
  }
  // A scope's default child is its "Resource" or "Default" child; synthesis asks every
  // construct for it and fails when both exist.
  for (auto [mine, other] : {std::pair{kResource, kDefault}, std::pair{kDefault, kResource}}) {
    auto sibling = owner_.find(child_path(scope, std::string(other)));
    if (sanitized != mine || sibling == owner_.end()) continue;
    SourcePos at = pos.value_or(sibling->second.pos.value_or(SourcePos{}));
    throw BackendError{at, fmt::format("the CDK cannot synthesize this stack: {} has construct id \"{}\" and {} has "
                                       "\"{}\" in {} (aws-cdk-lib fails with \"Cannot determine default child\")",
                                       what, mine, sibling->second.what, other, where(scope))};
  }
  children_[scope].push_back(sanitized);
  return path;
}

std::vector<std::string> ConstructTree::children(const std::string& scope) const {
  auto it = children_.find(scope);
  return it == children_.end() ? std::vector<std::string>{} : js_property_order(it->second);
}

bool ConstructTree::has(const std::string& scope, std::string_view id) const {
  return owner_.count(child_path(scope, sanitize_id(id))) > 0;
}

}  // namespace ddbsynth::cdk
