#include "naming.hpp"

#include <cctype>

namespace ddbsynth {

std::string runtime_config_app_name() { return "RuntimeConfig-30671E69"; }

cfn::Json runtime_config_content(const Table& t, const cfn::Json& table_name) {
  return cfn::join(cfn::Json::array(
      {"{" + cfn::js_string(t.runtime_config_key) + ":{\"tableName\":\"", table_name, "\"}}"}));
}

std::string policy_name(const Table& t, const Grant& g) {
  std::string name;
  for (char c : t.runtime_config_key)
    if (std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_+=,.@-").find(c) != std::string_view::npos)
      name += c;
  return name.substr(0, 100) + "-dynamodb-" + to_string(g.access);
}

std::string alnum_id(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) out += c;
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "X" + out;
  return out;
}

std::string UniqueIds::take(const std::string& wanted) {
  std::string id = wanted;
  for (int n = 2; !taken_.insert(id).second; ++n) id = wanted + std::to_string(n);
  return id;
}

}  // namespace ddbsynth
