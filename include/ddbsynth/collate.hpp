// The order the AWS CDK writes tags in. Its TagManager sorts tag keys with
// String.prototype.localeCompare, which in Node is an ICU collator: the root order (Node's
// default locale en-US has no tailoring of its own), tertiary strength, normalization on,
// punctuation not ignored, no numeric or case-first option. Arrays sort stably in Node, so keys
// the collator holds equal ("1" and Arabic-Indic "١", "Å" and the Angstrom sign) keep the order
// in which the CDK app adds them: the order JavaScript enumerates the config's tags object.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ddbsynth {

// a before b by localeCompare; false both ways for strings it holds equal.
bool locale_less(std::string_view a, std::string_view b);

// Puts `tags`, given in config file order, in the order the CDK renders them: stable by
// locale_less from JavaScript's own-key order (integer-like keys "0" ... "4294967294" first,
// ascending by value, then the other keys in file order).
void sort_tags_like_cdk(std::vector<std::pair<std::string, std::string>>& tags);

}  // namespace ddbsynth
