#include "app_source.hpp"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "config_document.hpp"

namespace ddbsynth::cdk_ts {
namespace {

constexpr size_t kMaxNameLength = 64;

bool ascii_alnum(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }
bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Words of the key: runs of letters and digits, also split where a lowercase letter is followed
// by an uppercase one ("ordersTable" -> orders, Table).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!ascii_alnum(c) || (ascii_upper(c) && i > 0 && ascii_lower(s[i - 1]) && !word.empty())) {
      if (!word.empty()) out.push_back(word);
      word.clear();
    }
    if (ascii_alnum(c)) word += c;
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

std::string ts_string(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

// Text inside a /* */ comment: a "*/" in it (a config path may hold one) would end the comment.
std::string comment_text(std::string s) {
  for (size_t at = 0; (at = s.find("*/", at)) != std::string::npos; at += 3) s.replace(at, 2, "*\\/");
  return s;
}

// JSON is a JavaScript object literal but for one key: `"__proto__": v` sets the prototype rather
// than adding a property (a tag may be called that); a computed key adds it. In dump(2) output
// that text is always a key: in a string value the quotes would be escaped.
std::string ts_object_literal(const nlohmann::ordered_json& j) {
  std::string s = j.dump(2);
  const std::string proto = "\"__proto__\": ";
  for (size_t at = 0; (at = s.find(proto, at)) != std::string::npos; at += proto.size() + 2)
    s.replace(at, proto.size(), "[\"__proto__\"]: ");
  return s;
}

std::string config_path(const Table& t) {
  return std::filesystem::path(t.source_file).lexically_normal().generic_string();
}

bool is_yaml(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

AppNames app_names(const Table& t) {
  AppNames n;
  for (const auto& w : words(t.runtime_config_key)) {
    std::string lower, title;
    for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    title = lower;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    n.file += (n.file.empty() ? "" : "-") + lower;
    n.class_name += title;
  }
  // Long keys would make file names no file system takes; the key itself stays in the config.
  n.file = n.file.substr(0, kMaxNameLength);
  while (!n.file.empty() && n.file.back() == '-') n.file.pop_back();
  n.class_name = n.class_name.substr(0, kMaxNameLength);
  if (n.file.empty()) n.file = "table";
  if (n.class_name.empty() || std::isdigit(static_cast<unsigned char>(n.class_name[0])))
    n.class_name = "Table" + n.class_name;
  return n;
}

std::string app_construct_source(const Table& t, const AppNames& n) {
  std::string key = ts_string(t.runtime_config_key);
  // A table with replicas builds on the TableV2 construct (core/dynamodb-global.ts).
  const bool global = t.is_global();
  const char* base = global ? "DynamoDBGlobalTable" : "DynamoDBTable";
  const char* config_type = global ? "DynamoDBGlobalTableConfig" : "DynamoDBTableConfig";
  const char* module = global ? "dynamodb-global" : "dynamodb";
  if (is_yaml(t.source_file)) {
    return fmt::format(R"ts(import {{ Construct }} from 'constructs';
import {{ {base}, {config_type} }} from '../../core/{module}.js';

/**
 * The config of table {key}: {file}, normalized to JSON and embedded here since Node reads no
 * YAML without a dependency. Synthesize again after changing the YAML.
 */
export const {cls}Config: {config_type} = {config};

/** The DynamoDB table {key} and its runtime config, as its config describes them. */
export class {cls} extends {base} {{
  constructor(scope: Construct, id: string, config: {config_type} = {cls}Config) {{
    super(scope, id, config);
  }}
}}
)ts",
                       fmt::arg("key", key), fmt::arg("file", comment_text(config_path(t))),
                       fmt::arg("cls", n.class_name), fmt::arg("config", ts_object_literal(config_document(t))),
                       fmt::arg("base", base), fmt::arg("config_type", config_type), fmt::arg("module", module));
  }
  return fmt::format(R"ts(import {{ Construct }} from 'constructs';
import {{ {base}, {config_type} }} from '../../core/{module}.js';
import {{ readWorkspaceJson }} from '../../core/workspace.js';

/** The table's config, relative to the workspace root. Read at synth time: a change reaches the next deploy. */
export const {cls}ConfigFile = {path};

/** The DynamoDB table {key} and its runtime config, as its config.json describes them. */
export class {cls} extends {base} {{
  constructor(scope: Construct, id: string, configFile: string = {cls}ConfigFile) {{
    super(scope, id, readWorkspaceJson(configFile) as {config_type});
  }}
}}
)ts",
                     fmt::arg("key", key), fmt::arg("path", ts_string(config_path(t))), fmt::arg("cls", n.class_name),
                     fmt::arg("base", base), fmt::arg("config_type", config_type), fmt::arg("module", module));
}

std::string index_source(const AppNames& n, bool global) {
  return fmt::format(R"ts(export * from './core/dynamodb.js';
{}export * from './core/runtime-config.js';
export * from './core/table-options.js';
export * from './core/workspace.js';
export * from './app/dynamodb/{}.js';
)ts",
                     global ? "export * from './core/dynamodb-global.js';\n" : "", n.file);
}

}  // namespace ddbsynth::cdk_ts
