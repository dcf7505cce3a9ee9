// The ids of the construct tree the cdk target mirrors, so that a config whose tree the CDK
// could not build (two children of one scope with the same id) fails here too, with the
// config position of the id that clashes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

class ConstructTree {
 public:
  // Adds child `id` (sanitized as constructs does) to the construct at path `scope` ("" is the
  // app) and returns the child's path. `what` names the child in messages. When `scope` already
  // has a child with that id, throws BackendError at `pos`, or at the first child's position
  // when `pos` is unset (a child the CDK adds by itself).
  std::string add(const std::string& scope, std::string_view id, std::string_view what,
                  const std::optional<SourcePos>& pos);
  bool has(const std::string& scope, std::string_view id) const;
  // The ids of `scope`'s children in the order the CDK visits them (JavaScript's property order).
  std::vector<std::string> children(const std::string& scope) const;

 private:
  struct Owner {
    std::string what;
    std::optional<SourcePos> pos;
  };
  std::map<std::string, Owner> owner_;                        // child path -> who added it
  std::map<std::string, std::vector<std::string>> children_;  // scope path -> child ids, as added
};

}  // namespace ddbsynth::cdk
