#include "generate/pyproject_edit.hpp"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "generate/project_names.hpp"

namespace ddbsynth {
namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

// "[tool.uv.sources]" -> "tool.uv.sources"; "" for a line that is no table header.
std::string header(const std::string& line) {
  std::string t = trim(line);
  if (t.size() < 3 || t[0] != '[' || t[1] == '[') return "";
  size_t close = t.find(']');
  if (close == std::string::npos) return "";
  std::string name;
  for (char c : t.substr(1, close - 1))
    if (c != ' ' && c != '"' && c != '\'') name += c;
  return name;
}

// The key of a `key = value` line ("" otherwise), quotes removed.
std::string key_of(const std::string& line) {
  std::string t = trim(line);
  size_t eq = t.find('=');
  if (eq == std::string::npos || t.empty() || t[0] == '#') return "";
  std::string k = trim(t.substr(0, eq));
  if (k.size() >= 2 && (k[0] == '"' || k[0] == '\'')) k = k.substr(1, k.size() - 2);
  return k;
}

// The line range [begin, end) of table `name`'s body; begin = npos when it has none.
std::pair<size_t, size_t> table_body(const std::vector<std::string>& lines, const std::string& name) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (header(lines[i]) != name) continue;
    size_t end = i + 1;
    while (end < lines.size() && header(lines[end]).empty() && trim(lines[end]).rfind("[[", 0) != 0) ++end;
    return {i + 1, end};
  }
  return {std::string::npos, 0};
}

// A dependency string names `dist` (PEP 508: the name, then extras, a version or a marker).
bool names(const std::string& requirement, const std::string& dist) {
  auto norm = [](std::string s) {
    std::string out;
    for (char c : s) out += (c == '_' || c == '.') ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  std::string r = norm(trim(requirement));
  std::string d = norm(dist);
  return r.starts_with(d) && (r.size() == d.size() || std::string_view("[<>=!~; @(").find(r[d.size()]) != std::string_view::npos);
}

// The quoted strings of a TOML array written from `from` on (one or more lines), and the line of its "]".
std::pair<std::vector<std::string>, size_t> array_items(const std::vector<std::string>& lines, size_t from) {
  std::vector<std::string> items;
  bool started = false;
  for (size_t i = from; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    size_t p = i == from ? l.find('=') + 1 : 0;
    for (; p < l.size(); ++p) {
      char c = l[p];
      if (c == '#') break;
      if (c == '[') started = true;
      else if (c == ']' && started) return {items, i};
      else if ((c == '"' || c == '\'') && started) {
        size_t close = l.find(c, p + 1);
        if (close == std::string::npos) return {items, std::string::npos};
        items.push_back(l.substr(p + 1, close - p - 1));
        p = close;
      }
    }
  }
  return {items, std::string::npos};
}

}  // namespace

std::optional<std::string> pyproject_name(const std::string& toml) {
  auto lines = lines_of(toml);
  auto [begin, end] = table_body(lines, "project");
  if (begin == std::string::npos) return std::nullopt;
  for (size_t i = begin; i < end; ++i)
    if (key_of(lines[i]) == "name") {
      std::string v = trim(lines[i].substr(lines[i].find('=') + 1));
      if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'')) return v.substr(1, v.find(v[0], 1) - 1);
    }
  return std::nullopt;
}

std::string add_workspace_dependency(const std::string& toml, const std::string& dist) {
  auto lines = lines_of(toml);
  auto [begin, end] = table_body(lines, "project");
  if (begin == std::string::npos) throw GenerateError("it has no [project] table");
  size_t deps = std::string::npos;
  for (size_t i = begin; i < end; ++i)
    if (key_of(lines[i]) == "dependencies") deps = i;
  std::string entry = fmt::format("\"{}\"", dist);
  if (deps == std::string::npos) {
    lines.insert(lines.begin() + static_cast<long>(end), "dependencies = [" + entry + "]");
  } else {
    auto [items, close] = array_items(lines, deps);
    if (close == std::string::npos) throw GenerateError("its [project].dependencies is not an array of strings");
    bool present = false;
    for (const auto& item : items) present = present || names(item, dist);
    if (!present) {
      std::string& l = lines[close];
      size_t bracket = deps == close ? l.rfind(']') : l.find(']');
      if (deps == close) {  // one line: [..., "new"]
        bool empty = items.empty();
        l.insert(bracket, empty ? entry : ", " + entry);
      } else {  // one item a line: a new line before "]", indented as the one above, trailing comma
        std::string& prev = lines[close - 1];
        std::string indent = prev.substr(0, prev.find_first_not_of(" \t"));
        if (indent.empty()) indent = "  ";
        std::string p = trim(prev);
        if (!items.empty() && !p.ends_with(',') && !p.ends_with('[')) prev += ',';
        if (trim(l.substr(0, bracket)).empty())
          lines.insert(lines.begin() + static_cast<long>(close), indent + entry + ",");
        else
          l.insert(bracket, ", " + entry);
      }
    }
  }
  // [tool.uv.sources]: a key per distribution.
  for (const auto& name : {std::string("tool.uv"), std::string("tool")}) {
    auto [b, e] = table_body(lines, name);
    if (b == std::string::npos) continue;
    for (size_t i = b; i < e; ++i)
      if (key_of(lines[i]) == (name == "tool" ? "uv" : "sources") || key_of(lines[i]).starts_with(name == "tool" ? "uv." : "sources."))
        throw GenerateError("it declares [tool.uv.sources] inline or with dotted keys; add " + dist +
                            " = { workspace = true } to it by hand");
  }
  auto [sb, se] = table_body(lines, "tool.uv.sources");
  std::string source = dist + " = { workspace = true }";
  if (sb == std::string::npos) {
    if (!lines.empty() && !trim(lines.back()).empty()) lines.push_back("");
    lines.push_back("[tool.uv.sources]");
    lines.push_back(source);
  } else {
    bool present = false;
    for (size_t i = sb; i < se; ++i) present = present || key_of(lines[i]) == dist;
    if (!present) {
      size_t at = se;
      while (at > sb && trim(lines[at - 1]).empty()) --at;
      lines.insert(lines.begin() + static_cast<long>(at), source);
    }
  }
  return joined(lines);
}

}  // namespace ddbsynth
