// JavaScript's property order, which decides the order of everything the CDK writes: an
// object (a construct's children, a template section) lists its array-index keys ("0" to
// "4294967294", no leading zeros) first in numeric order, then its other keys as inserted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backends/common/cfn.hpp"

namespace ddbsynth::cdk {

bool is_array_index(std::string_view key);

// `keys` (in insertion order) in the order a JavaScript object enumerates them.
std::vector<std::string> js_property_order(std::vector<std::string> keys);

// Puts every object's keys of `doc` in JavaScript's order, as JSON.stringify writes them.
void to_js_key_order(cfn::Json& doc);

}  // namespace ddbsynth::cdk
