#include "generate/name_case.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <vector>

#include "generate/file_text.hpp"

namespace ddbsynth {
namespace {

bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)); }
bool lower(char c) { return std::islower(static_cast<unsigned char>(c)); }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// lodash's words() for ASCII: "XMLHttpRequest2" -> XML, Http, Request, 2.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!upper(s[i]) && !lower(s[i]) && !digit(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    if (digit(s[i])) {
      while (j < s.size() && digit(s[j])) ++j;
    } else if (upper(s[i])) {
      while (j < s.size() && upper(s[j])) ++j;
      if (j < s.size() && lower(s[j])) {
        if (j - i > 1) --j;  // the last capital starts the next word: "XMLHttp" -> XML, Http
        while (j < s.size() && lower(s[j])) ++j;
      }
    } else {
      while (j < s.size() && lower(s[j])) ++j;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string class_name(const std::string& name) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (out.empty() && digit(word[0])) out += '_';
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    out += word;
    word.clear();
  };
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += c;
    else
      flush();
  }
  flush();
  return out;
}

std::string kebab_case(const std::string& name) {
  std::string out;
  for (const auto& w : words(name)) {
    if (!out.empty()) out += '-';
    for (char c : w) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string npm_scope(const std::filesystem::path& workspace_root) {
  auto text = file_text(workspace_root / "package.json");
  if (text) {
    auto json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (json.is_object() && json.contains("name") && json["name"].is_string()) {
      std::string n = json["name"].get<std::string>();
      if (n.starts_with('@')) return n.substr(1, n.find('/') == std::string::npos ? std::string::npos : n.find('/') - 1);
    }
  }
  return "monorepo";
}

}  // namespace ddbsynth
