#include "backends/terraform/hcl.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "backends/terraform/hcl_string.hpp"

namespace ddbsynth::tf {

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.flag = b;
  return v;
}
Value Value::integer(int64_t n) {
  Value v;
  v.kind = Kind::Number;
  v.number = n;
  return v;
}
Value Value::str(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.text = std::move(s);
  return v;
}
Value Value::raw(std::string expression) {
  Value v = str(std::move(expression));
  v.kind = Kind::Raw;
  return v;
}
Value Value::type(std::string t) {
  Value v = str(std::move(t));
  v.kind = Kind::Type;
  return v;
}
Value Value::tmpl(std::vector<Value> parts) {
  Value v;
  v.kind = Kind::Template;
  v.items = std::move(parts);
  return v;
}
Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind = Kind::List;
  v.items = std::move(items);
  return v;
}
Value Value::object(std::vector<Field> fields) {
  Value v;
  v.kind = Kind::Object;
  v.fields = std::move(fields);
  return v;
}
Value Value::call(std::string function, std::vector<Value> args) {
  Value v;
  v.kind = Kind::Call;
  v.text = std::move(function);
  v.items = std::move(args);
  return v;
}

Body& Body::set(std::string name, Value v) {
  entries.push_back({std::move(name), std::move(v), nullptr});
  return *this;
}

Block& Body::add_block(std::string type, std::vector<std::string> labels) {
  auto b = std::make_shared<Block>(Block{type, std::move(labels), {}});
  entries.push_back({std::move(type), {}, b});
  return *b;
}

namespace {

using Json = nlohmann::ordered_json;
using Kind = Value::Kind;

// A string HCL would normalize is decoded at plan time from an ASCII JSON spelling instead.
std::string jsondecode_of(std::string_view s) { return "jsondecode(" + quote_hcl(json_ascii(s)) + ")"; }

// The template text of a template's parts, shared by both syntaxes (HCL then quotes it).
// A literal `$` or `%` right before an interpolation would read as an escape (`$${`), so it
// is written as an interpolated string of its own.
template <typename Literal>
std::string template_text(const Value& t, Literal literal) {
  std::string out;
  for (size_t i = 0; i < t.items.size(); ++i) {
    const Value& p = t.items[i];
    if (p.kind == Kind::Raw) {
      out += "${" + p.text + "}";
      continue;
    }
    std::string_view s = p.text;
    std::string tail;
    bool before_interp = i + 1 < t.items.size() && t.items[i + 1].kind == Kind::Raw;
    if (before_interp && !s.empty() && (s.back() == '$' || s.back() == '%')) {
      tail = std::string("${\"") + s.back() + "\"}";
      s.remove_suffix(1);
    }
    out += literal_safe(s) ? literal(s) : "${" + jsondecode_of(s) + "}";
    out += tail;
  }
  return out;
}

std::string hcl_template_literal(std::string_view s) {
  std::string q = quote_hcl(s);
  return q.substr(1, q.size() - 2);
}

// ---- native syntax ----

std::string inline_hcl(const Value& v);

std::string key_hcl(const Value::Field& f) {
  if (f.bare && plain_key(f.key)) return f.key;
  if (literal_safe(f.key)) return quote_hcl(f.key);
  return "(" + jsondecode_of(f.key) + ")";
}

std::string inline_hcl(const Value& v) {
  switch (v.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return v.flag ? "true" : "false";
    case Kind::Number: return std::to_string(v.number);
    case Kind::String: return literal_safe(v.text) ? quote_hcl(v.text) : jsondecode_of(v.text);
    case Kind::Raw:
    case Kind::Type: return v.text;
    case Kind::Template: return "\"" + template_text(v, hcl_template_literal) + "\"";
    case Kind::List: {
      std::string out = "[";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + inline_hcl(v.items[i]);
      return out + "]";
    }
    case Kind::Object: {
      if (v.fields.empty()) return "{}";
      std::string out = "{ ";
      for (size_t i = 0; i < v.fields.size(); ++i)
        out += (i ? ", " : "") + key_hcl(v.fields[i]) + " = " + inline_hcl(v.fields[i].value);
      return out + " }";
    }
    case Kind::Call: {
      std::string out = v.text + "(";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + inline_hcl(v.items[i]);
      return out + ")";
    }
  }
  return "null";
}

constexpr size_t kMaxInlineList = 80;

// Objects always take one line per field; lists of scalars stay on one line while short.
bool multiline(const Value& v) {
  switch (v.kind) {
    case Kind::Object: return !v.fields.empty();
    case Kind::List:
      for (const auto& i : v.items)
        if (multiline(i) || i.kind == Kind::List || i.kind == Kind::Object) return true;
      return inline_hcl(v).size() > kMaxInlineList;
    case Kind::Call:
      for (const auto& a : v.items)
        if (multiline(a)) return true;
      return false;
    default: return false;
  }
}

std::string pad(int depth) { return std::string(2 * depth, ' '); }

void write_value(const Value& v, int depth, std::string& out);

// Lines of `name = value`, with the `=` of each run of one-line entries aligned as
// `terraform fmt` aligns them; an entry whose value spans lines ends the run.
struct Assignment {
  std::string key;  // as written
  const Value* value;
};

void write_assignments(const std::vector<Assignment>& run, int depth, std::string& out) {
  size_t width = 0;
  for (const auto& a : run)
    if (!multiline(*a.value)) width = std::max(width, columns(a.key));
  for (const auto& a : run) {
    out += pad(depth) + a.key;
    if (multiline(*a.value)) {
      out += " = ";
      write_value(*a.value, depth, out);
    } else {
      out += std::string(width - columns(a.key) + 1, ' ') + "= " + inline_hcl(*a.value);
    }
    out += "\n";
  }
}

// Writes runs split at multi-line values, which `terraform fmt` leaves out of alignment.
void write_aligned(const std::vector<Assignment>& all, int depth, std::string& out) {
  std::vector<Assignment> run;
  for (const auto& a : all) {
    if (multiline(*a.value)) {
      write_assignments(run, depth, out);
      run.clear();
      write_assignments({a}, depth, out);
    } else {
      run.push_back(a);
    }
  }
  write_assignments(run, depth, out);
}

// A value that may span lines; the first line continues the current one, the last ends
// without a newline.
void write_value(const Value& v, int depth, std::string& out) {
  if (!multiline(v)) {
    out += inline_hcl(v);
    return;
  }
  switch (v.kind) {
    case Kind::Object: {
      out += "{\n";
      std::vector<Assignment> fields;
      for (const auto& f : v.fields) fields.push_back({key_hcl(f), &f.value});
      write_aligned(fields, depth + 1, out);
      out += pad(depth) + "}";
      return;
    }
    case Kind::List:
      out += "[\n";
      for (const auto& i : v.items) {
        out += pad(depth + 1);
        write_value(i, depth + 1, out);
        out += ",\n";
      }
      out += pad(depth) + "]";
      return;
    case Kind::Call:
      if (v.items.size() != 1) throw std::logic_error("multi-line call with several arguments");
      out += v.text + "(";
      write_value(v.items[0], depth, out);
      out += ")";
      return;
    default: out += inline_hcl(v);
  }
}

void write_body(const Body& body, int depth, std::string& out) {
  std::vector<Assignment> run;
  bool after_block = false;
  for (size_t i = 0; i < body.entries.size(); ++i) {
    const auto& e = body.entries[i];
    if (!e.block) {
      if (after_block) out += "\n";
      after_block = false;
      run.push_back({e.name, &e.value});
      continue;
    }
    write_aligned(run, depth, out);
    if (i > 0) out += "\n";
    run.clear();
    const Block& b = *e.block;
    out += pad(depth) + b.type;
    for (const auto& l : b.labels) out += " " + quote_hcl(l);
    if (b.body.entries.empty()) {
      out += " {}\n";
    } else {
      out += " {\n";
      write_body(b.body, depth + 1, out);
      out += pad(depth) + "}\n";
    }
    after_block = true;
  }
  write_aligned(run, depth, out);
}

// ---- Terraform JSON ----

std::string json_template_literal(std::string_view s) { return escape_template(s); }

std::string json_key(const std::string& key) {
  return literal_safe(key) ? escape_template(key) : "${" + jsondecode_of(key) + "}";
}

Json value_json(const Value& v) {
  switch (v.kind) {
    case Kind::Null: return nullptr;
    case Kind::Bool: return v.flag;
    case Kind::Number: return v.number;
    case Kind::String: return literal_safe(v.text) ? escape_template(v.text) : "${" + jsondecode_of(v.text) + "}";
    case Kind::Raw: return "${" + v.text + "}";
    case Kind::Type: return v.text;
    case Kind::Template: return template_text(v, json_template_literal);
    case Kind::List: {
      Json a = Json::array();
      for (const auto& i : v.items) a.push_back(value_json(i));
      return a;
    }
    case Kind::Object: {
      Json o = Json::object();
      for (const auto& f : v.fields) o[json_key(f.key)] = value_json(f.value);
      return o;
    }
    case Kind::Call: return "${" + inline_hcl(v) + "}";
  }
  return nullptr;
}

Json body_json(const Body& body) {
  Json o = Json::object();
  for (const auto& e : body.entries) {
    if (!e.block) {
      o[e.name] = value_json(e.value);
      continue;
    }
    if (!e.block->labels.empty()) throw std::logic_error("labelled nested block");
    Json b = body_json(e.block->body);
    // One block of a type is an object, several an array of objects.
    if (!o.contains(e.name)) {
      o[e.name] = std::move(b);
    } else {
      if (!o[e.name].is_array()) o[e.name] = Json::array({o[e.name]});
      o[e.name].push_back(std::move(b));
    }
  }
  return o;
}

}  // namespace

std::string to_hcl(const File& file) {
  std::string out;
  if (!file.comment.empty()) out += "# " + file.comment + "\n\n";
  write_body(file.body, 0, out);
  return out;
}

std::string to_tf_json(const File& file) {
  Json root = Json::object();
  if (!file.comment.empty()) root["//"] = file.comment;
  for (const auto& e : file.body.entries) {
    if (!e.block) {
      root[e.name] = value_json(e.value);
      continue;
    }
    Json* slot = &root[e.name];
    for (const auto& l : e.block->labels) slot = &(*slot)[l];
    if (!slot->is_null()) throw std::logic_error("duplicate block " + e.name);
    *slot = body_json(e.block->body);
  }
  return root.dump(2) + "\n";
}

}  // namespace ddbsynth::tf
