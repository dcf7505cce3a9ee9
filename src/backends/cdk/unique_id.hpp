// The names the AWS CDK derives from construct paths: logical IDs (makeUniqueId), physical
// names (Names.uniqueResourceName) and the stack name of `new Stack(app, id)`. The same
// inputs give the same names as aws-cdk-lib, so a template keeps its resources' identities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddbsynth::cdk {

// How a construct id appears in paths: '/' and '\n' become "--" (constructs' sanitizeId).
std::string sanitize_id(std::string_view id);

// The logical ID of the element at `components` (its path below the stack): the ids' letters
// and digits, "Default" removed, "Resource" and repeated suffixes dropped from the readable
// part, which is cut at 240 characters, then the first 8 hex digits of the MD5 of the path.
// A single component is used as is (letters and digits only) when it fits in 255.
std::string unique_id(std::vector<std::string> components);

struct ResourceNameOptions {
  size_t max_length = 256;
  std::string separator;
  std::string allowed_special;  // characters kept besides letters and digits
  std::string prefix;
};

// Names.uniqueResourceName / makeUniqueResourceName over a path that starts at the last stack
// (or the app, whose id is "").
std::string unique_resource_name(std::vector<std::string> components, const ResourceNameOptions& options);

// The name of a top-level stack created as `new Stack(app, id)` without a stackName.
std::string stack_name_for_id(const std::string& id);

// True when `name` is a name CloudFormation and the CDK accept: a letter, then letters,
// digits and '-'.
bool valid_stack_name(std::string_view name);

// JavaScript's string length (UTF-16 code units) of UTF-8 text.
size_t js_length(std::string_view utf8);

}  // namespace ddbsynth::cdk
