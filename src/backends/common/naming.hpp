// Names and identifiers that several backends derive from the model.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth {

// The AppConfig application name of the seed's shared runtime config: CDK's
// Names.uniqueResourceName of the `__RuntimeConfig__` construct under the App (the same for
// every stack, as the construct's path is).
std::string runtime_config_app_name();

// The hosted configuration's content: {"<key>":{"tableName":"<table name>"}} as CDK's
// stack.toJsonString writes it, with `table_name` the table's Ref.
cfn::Json runtime_config_content(const Table& t, const cfn::Json& table_name);

// The name of a grant's inline IAM policy: unique per role as long as one table grants it once,
// in IAM's alphabet.
std::string policy_name(const Table& t, const Grant& g);

// ASCII letters and digits of `s`; "X" + that when it would start with a digit or be empty.
std::string alnum_id(std::string_view s);

// Hands out identifiers, suffixing 2, 3, ... where one was already taken.
class UniqueIds {
 public:
  std::string take(const std::string& wanted);

 private:
  std::set<std::string> taken_;
};

}  // namespace ddbsynth
