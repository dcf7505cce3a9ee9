// The seed generator's name casings (lodash's kebabCase and its toClassName), for ASCII names.
#pragma once

#include <filesystem>
#include <string>

namespace ddbsynth {

// "my-table", "my_table", "myTable" -> "MyTable"; a word is a run of letters and digits.
std::string class_name(const std::string& name);

// "MyTable", "my_table", "orders.v2" -> "my-table", "my-table", "orders-v-2": words split at
// separators, lower-to-upper changes and letter/digit changes, lowercased, joined by '-'.
std::string kebab_case(const std::string& name);

// The scope of the workspace root's package.json name ("@acme/source" -> "acme"); "monorepo",
// as the seed, when there is no package.json or its name has no scope.
std::string npm_scope(const std::filesystem::path& workspace_root);

}  // namespace ddbsynth
