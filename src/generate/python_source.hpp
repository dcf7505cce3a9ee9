// Pieces of Python source built from config strings: literals and identifiers that are always valid.
#pragma once

#include <string>
#include <string_view>

namespace ddbsynth::python {

// A single-quoted Python str literal whose value is exactly `s`: quotes, backslashes, control
// characters and line separators are escaped, printable non-ASCII is kept as UTF-8. Invalid
// UTF-8 (which no config reader produces) becomes U+FFFD rather than broken source.
std::string str_literal(std::string_view s);

bool is_keyword(std::string_view s);  // hard keywords only: `type`, `match` are fine as names

// An ASCII identifier close to `s`: "userId" stays "userId", "a \"b\" c" becomes "a_b_c".
// Never a keyword, never empty, never starting with a digit (`fallback` stands in then).
std::string identifier(std::string_view s, std::string_view fallback = "attr");

// "gsi1pk-gsi1sk-index" -> "gsi1pk_gsi1sk_index", "byUserId" -> "by_user_id", "MyTable" -> "my_table".
std::string snake_case(std::string_view s);

// "by_user" -> "ByUser", "gsi1" -> "Gsi1".
std::string pascal_case(std::string_view snake);

}  // namespace ddbsynth::python
