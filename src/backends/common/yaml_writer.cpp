#include "yaml_writer.hpp"

#include <regex>

namespace ddbsynth {
namespace {

using Json = nlohmann::ordered_json;

bool plain_ok(const std::string& s) {
  static const std::regex kSafe(R"([A-Za-z_/][A-Za-z0-9_./*-]*(::?[A-Za-z0-9_./*-]+)*)");
  static const std::regex kReserved(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL");
  return std::regex_match(s, kSafe) && !std::regex_match(s, kReserved);
}

std::string scalar(const Json& v) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    return plain_ok(s) ? s : v.dump();  // a JSON string is a valid double-quoted YAML scalar
  }
  return v.dump();
}

bool is_empty_container(const Json& v) { return (v.is_object() || v.is_array()) && v.empty(); }

void emit(const Json& v, int indent, std::string& out);

void emit_child(const Json& v, int indent, std::string& out) {
  if (is_empty_container(v) || !v.is_structured()) {
    out += ' ';
    out += is_empty_container(v) ? (v.is_object() ? "{}" : "[]") : scalar(v);
    out += '\n';
  } else {
    out += '\n';
    emit(v, indent, out);
  }
}

void emit(const Json& v, int indent, std::string& out) {
  std::string pad(indent, ' ');
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) {
      out += pad + scalar(Json(k)) + ":";
      emit_child(child, indent + 2, out);
    }
  } else if (v.is_array()) {
    for (const auto& child : v) {
      out += pad + "-";
      if (child.is_object() && !child.empty()) {
        // First key on the dash line, the rest aligned under it.
        std::string inner;
        emit(child, indent + 2, inner);
        out += ' ' + inner.substr(indent + 2);
      } else if (child.is_array() && !child.empty()) {
        out += '\n';
        emit(child, indent + 2, out);
      } else {
        emit_child(child, indent + 2, out);
      }
    }
  }
}

}  // namespace

std::string to_yaml(const Json& doc) {
  std::string out;
  emit(doc, 0, out);
  return out;
}

}  // namespace ddbsynth
