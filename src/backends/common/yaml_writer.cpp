#include "yaml_writer.hpp"

#include <cstring>
#include <regex>
#include <utility>

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
    if (plain_ok(s)) return s;
    // A JSON string is a valid double-quoted YAML scalar, but for the characters YAML parsers
    // read as line breaks and fold into a space (NEL, U+2028, U+2029; tags may hold the last two).
    std::string out = v.dump();
    for (auto [raw, escaped] : {std::pair{"\xC2\x85", "\\u0085"}, {"\u2028", "\\u2028"}, {"\u2029", "\\u2029"}})
      for (size_t at = 0; (at = out.find(raw, at)) != std::string::npos; at += 6) out.replace(at, std::strlen(raw), escaped);
    return out;
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
