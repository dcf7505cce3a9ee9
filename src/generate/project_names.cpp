#include "generate/project_names.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "ddbsynth/limits.hpp"
#include "generate/name_case.hpp"
#include "generate/python_source.hpp"

namespace ddbsynth {
namespace {

// Leaves room for the npm scope in the local table name, within DynamoDB's 255.
constexpr size_t kMaxName = 200;

// The offending character, whole: a non-ASCII byte is only part of one.
std::string shown_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x80) return "a non-ASCII character";
  if (u < 0x20 || u == 0x7f) return fmt::format("control character U+{:04X}", u);
  return fmt::format("'{}'", c);
}

bool name_char(char c) {
  return static_cast<unsigned char>(c) < 0x80 &&
         (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
}

void check_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxName)
    throw GenerateError(fmt::format("invalid name \"{}\": a name is 1-{} characters", name, kMaxName));
  if (auto bad = std::find_if_not(name.begin(), name.end(), name_char); bad != name.end())
    throw GenerateError(
        fmt::format("invalid name \"{}\": only ASCII letters, digits, '-', '_' and '.' are allowed, found {}", name,
                    shown_char(*bad)));
  if (!std::isalpha(static_cast<unsigned char>(name[0])))
    throw GenerateError(
        fmt::format("invalid name \"{}\": a name starts with a letter (it names a Python package)", name));
}

void check_package(const std::string& name, const std::string& package) {
  if (python::is_keyword(package))
    throw GenerateError(
        fmt::format("invalid name \"{}\": its Python package \"{}\" is a Python keyword", name, package));
}

void check_table_name(const std::string& table, std::string_view what) {
  if (table.size() < limits::kMinTableName || table.size() > limits::kMaxTableName)
    throw GenerateError(fmt::format("invalid {} \"{}\": DynamoDB table names are {}-{} characters, found {}", what,
                                    table, limits::kMinTableName, limits::kMaxTableName, table.size()));
  if (auto bad = std::find_if_not(table.begin(), table.end(), name_char); bad != table.end())
    throw GenerateError(
        fmt::format("invalid {} \"{}\": DynamoDB table names use only A-Z a-z 0-9 '_' '-' '.', found {}", what, table,
                    shown_char(*bad)));
}

// A path component chosen by the user: one plain name or a relative path without "..".
void check_sub_directory(const std::string& dir) {
  std::filesystem::path p(dir);
  if (p.is_absolute())
    throw GenerateError(fmt::format("invalid --sub-directory \"{}\": it is relative to --directory", dir));
  for (const auto& part : p)
    if (part == "..") throw GenerateError(fmt::format("invalid --sub-directory \"{}\": \"..\" is not allowed", dir));
}

// PEP 503: lowercase, each run of '-', '_' and '.' one '-'.
std::string pep503_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

ProjectNames derive_names(const NewOptions& o, const std::filesystem::path& workspace_root) {
  check_name(o.name);
  ProjectNames n;
  n.npm_scope = npm_scope(workspace_root);
  n.runtime_config_key = class_name(o.name);
  n.package = python::snake_case(o.name);
  check_package(o.name, n.package);
  if (!o.sub_directory.empty()) check_sub_directory(o.sub_directory);
  if (o.directory.empty()) throw GenerateError("invalid --directory \"\": give a directory, e.g. packages");
  n.root = std::filesystem::path(o.directory) / (o.sub_directory.empty() ? n.package : o.sub_directory);
  if (!o.table_name.empty()) {
    check_table_name(o.table_name, "--table-name");
    n.table_name = o.table_name;
  }
  n.local_table_name = n.npm_scope + "-" + kebab_case(o.table_name.empty() ? o.name : o.table_name);
  check_table_name(n.local_table_name, "local table name");
  n.container_name = n.npm_scope + "-dynamodb";
  n.distribution = pep503_name(n.npm_scope + "-" + n.package);
  return n;
}

}  // namespace ddbsynth
