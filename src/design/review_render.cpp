#include "design/review_render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ddbsynth::design {
namespace {

// One row of the access-pattern table, the same cells in every format.
struct Row {
  std::string entity, pattern, operation, index, condition, parameters, also_reads, notes;
};

Row row(const PatternPlan& p) {
  std::vector<std::string> params;
  for (const auto& x : p.parameters) params.push_back(x.name);
  return {p.collection ? fmt::format("{}", fmt::join(p.entities, " + ")) : p.entity,
          p.collection ? p.name + " (collection)" : p.name,
          p.get ? "GetItem" : "Query",
          p.condition.index,
          p.condition.text(),
          fmt::format("{}", fmt::join(params, ", ")),
          fmt::format("{}", fmt::join(p.also_reads, ", ")),
          fmt::format("{}", fmt::join(p.notes, "; "))};
}

constexpr const char* kHeadings[] = {"ENTITY", "PATTERN", "OPERATION", "INDEX", "KEY CONDITION", "PARAMETERS",
                                     "ALSO READS", "NOTES"};

std::vector<std::string> cells(const Row& r) {
  return {r.entity, r.pattern, r.operation, r.index, r.condition, r.parameters, r.also_reads, r.notes};
}

std::string summary(const DesignReview& r) {
  size_t n[3] = {0, 0, 0};
  for (const auto& f : r.findings) ++n[static_cast<int>(f.severity)];
  return fmt::format("{} access patterns; {} errors, {} warnings, {} notes", r.patterns.size(), n[0], n[1], n[2]);
}

std::string markdown_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string finding_line(const DesignFinding& f) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", f.pos.file, f.pos.line, f.pos.column, to_string(f.severity), f.message,
                     f.code);
}

std::string render_text(const Table& t, const DesignReview& r) {
  if (t.design.empty()) return fmt::format("{}: no entities (see docs/model.md)\n", t.source_file);
  std::vector<std::vector<std::string>> table{{std::begin(kHeadings), std::end(kHeadings)}};
  for (const auto& p : r.patterns) table.push_back(cells(row(p)));
  std::vector<size_t> width(std::size(kHeadings), 0);
  for (const auto& line : table)
    for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  std::string out;
  for (const auto& line : table) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i)
      text += i + 1 == line.size() ? line[i] : fmt::format("{:<{}}  ", line[i], width[i]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  if (!r.findings.empty()) out += "\n";
  for (const auto& f : r.findings) out += finding_line(f) + "\n";
  return out + "\n" + summary(r) + "\n";
}

std::string render_markdown(const Table& t, const DesignReview& r) {
  std::string out = fmt::format("### Access patterns: `{}`\n\n", t.source_file);
  if (t.design.empty()) return out + "No entities.\n";
  out += "| Entity | Pattern | Operation | Index | Key condition | Parameters | Also reads | Notes |\n";
  out += "|---|---|---|---|---|---|---|---|\n";
  for (const auto& p : r.patterns) {
    Row x = row(p);
    auto code = [](const std::string& s) { return s.empty() ? std::string() : "`" + markdown_cell(s) + "`"; };
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(x.entity), code(x.pattern),
                       x.operation, code(x.index), code(x.condition), markdown_cell(x.parameters),
                       markdown_cell(x.also_reads), markdown_cell(x.notes));
  }
  out += "\n#### Findings\n\n";
  if (r.findings.empty()) out += "None.\n";
  static constexpr const char* kIcons[] = {"**error**", "warning", "note"};
  for (const auto& f : r.findings)
    out += fmt::format("- {} `{}` (line {}): {}\n", kIcons[static_cast<int>(f.severity)], f.code, f.pos.line,
                       markdown_cell(f.message));
  return out + "\n" + summary(r) + "\n";
}

namespace {

using Json = nlohmann::ordered_json;

// Literal text and parameters, for tools that rebuild a key: [{"text": "USER#"}, {"param": "userId"}].
Json parts_json(const std::vector<TemplatePart>& parts) {
  Json out = Json::array();
  for (const auto& p : parts) out.push_back(Json{{p.placeholder ? "param" : "text", p.text}});
  return out;
}

Json condition_json(const KeyCondition& c) {
  static constexpr const char* kOps[] = {"", "begins_with", "between", "<", "<=", ">", ">=", "="};
  Json j{{"pkAttribute", c.pk_attribute}, {"pk", parts_json(c.pk)}};
  if (!c.sk_attribute.empty()) {
    j["skAttribute"] = c.sk_attribute;
    j["skOperator"] = kOps[static_cast<int>(c.sk_op)];
    j["sk"] = parts_json(c.sk);
    if (c.sk_op == KeyOp::Between) j["skEnd"] = parts_json(c.sk_end);
  }
  return j;
}

Json entities_json(const Design& d) {
  Json out = Json::array();
  for (const auto& e : d.entities) {
    Json attributes = Json::array(), keys = Json::object();
    for (const auto& a : e.attributes)
      attributes.push_back(Json{{"name", a.name}, {"type", to_string(a.type)}, {"optional", a.optional},
                                {"default", a.default_now ? Json("now") : Json(nullptr)}});
    for (const auto& k : e.keys) {
      Json key = Json::object();
      if (k.pk) key["pk"] = k.pk->source;
      if (k.sk) key["sk"] = k.sk->source;
      key["sparse"] = k.sparse;
      keys[k.index] = std::move(key);
    }
    out.push_back(Json{{"name", e.name}, {"discriminator", e.discriminator}, {"attributes", attributes}, {"keys", keys}});
  }
  return out;
}

}  // namespace

std::string render_json(const Table& t, const DesignReview& r) {
  using Json = nlohmann::ordered_json;
  Json patterns = Json::array(), findings = Json::array();
  for (const auto& p : r.patterns) {
    Json params = Json::array();
    for (const auto& x : p.parameters) params.push_back(x.name);
    Json j{{"entity", p.collection ? Json(nullptr) : Json(p.entity)},
           {"name", p.name},
           {"operation", p.get ? "get" : "query"},
           {"index", p.condition.index},
           {"keyCondition", p.condition.text()},
           {"parameters", params},
           {"alsoReads", p.also_reads},
           {"order", p.descending ? "desc" : "asc"},
           {"notes", p.notes},
           {"condition", p.condition.pk_attribute.empty() ? Json(nullptr) : condition_json(p.condition)}};
    if (p.collection) {
      j["collection"] = true;
      j["entities"] = p.entities;
    }
    patterns.push_back(std::move(j));
  }
  for (const auto& f : r.findings) {
    Json witness = nullptr;
    if (f.witness_pk) {
      witness = Json{{"pk", *f.witness_pk}};
      if (f.witness_sk) witness["sk"] = *f.witness_sk;
    }
    findings.push_back(Json{{"severity", to_string(f.severity)},
                            {"code", f.code},
                            {"message", f.message},
                            {"file", f.pos.file},
                            {"line", f.pos.line},
                            {"column", f.pos.column},
                            {"entities", f.entities},
                            {"index", f.index},
                            {"pattern", f.pattern ? Json(*f.pattern) : Json(nullptr)},
                            {"witness", witness}});
  }
  return Json{{"file", t.source_file}, {"entities", entities_json(t.design)}, {"patterns", patterns},
              {"findings", findings}}.dump(2, ' ', false,
                                                                                               Json::error_handler_t::replace) + "\n";
}

}  // namespace ddbsynth::design
