// AWS's rules for tag keys and values: the pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ and lengths
// in Unicode characters. The character classes come from ICU, not from a table of our own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ddbsynth {

// The first character of `utf8` outside AWS's tag pattern, or none when all of it matches.
// Unicode letters (L*), separators (Zs, Zl, Zp) and numbers (Nd, Nl, No) in any script pass;
// tab, newline and other controls do not, nor do combining marks (so a decomposed "é" fails,
// and so do the vowel signs of Indic scripts: AWS's pattern refuses "हिन्दी" too).
// `utf8` is valid UTF-8 (the config readers refuse anything else).
std::optional<char32_t> first_char_outside_tag_pattern(std::string_view utf8);

// "may only contain ..." for a tag holding `c`, naming c and what kind of character it is.
std::string tag_char_problem(char32_t c);

// A tag's length as AWS counts it: Unicode code points (Smithy's @length on a string counts
// Unicode scalar values), so a character outside the BMP such as "𝐀" counts 1, not the 2
// UTF-16 units of JavaScript's String.length.
size_t tag_length(std::string_view utf8);

}  // namespace ddbsynth
