// Reading back what the backends emit, with the tools that read it: shared by the injection and
// IAM tests. JSON with nlohmann; CloudFormation's intrinsics evaluated as far as strings go;
// Terraform and TypeScript through tests/conformance/read-output.js (HashiCorp's HCL parser, the
// pinned typescript package); Python through its own ast module.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "ddbsynth/backend.hpp"

namespace ddbsynth::test {

namespace fs = std::filesystem;
using Json = nlohmann::json;

inline std::vector<OutputFile> synth(const Table& t, const std::string& target, const std::string& format) {
  return find_backend(target)->synth(t, BackendOptions{format});
}

inline const OutputFile& only(const std::vector<OutputFile>& files, const std::string& suffix) {
  const OutputFile* found = nullptr;
  for (const auto& f : files)
    if (f.path.ends_with(suffix)) {
      EXPECT_EQ(found, nullptr) << "two files end with " << suffix;
      found = &f;
    }
  if (!found) throw std::runtime_error("no file ending with " + suffix);
  return *found;
}

// Every string of a JSON document, keys included; with `nested`, also those of strings that are
// JSON objects themselves (a policy Terraform jsonencode()s).
inline void collect_strings(const Json& j, std::multiset<std::string>& out, bool nested) {
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    out.insert(s);
    if (nested && s.starts_with("{")) {
      Json inner = Json::parse(s, nullptr, false);
      if (!inner.is_discarded()) collect_strings(inner, out, nested);
    }
  }
  if (j.is_object())
    for (const auto& [k, v] : j.items()) {
      out.insert(k);
      collect_strings(v, out, nested);
    }
  if (j.is_array())
    for (const auto& v : j) collect_strings(v, out, nested);
}
inline std::multiset<std::string> strings_of(const Json& j, bool nested = false) {
  std::multiset<std::string> out;
  collect_strings(j, out, nested);
  return out;
}

// CloudFormation's intrinsics evaluated as far as strings go: Ref and GetAtt become "{Ref}" and
// "{Resource.Attribute}", Fn::Join joins. Fn::Sub would read `${...}` in a config string as a
// reference: none may appear.
inline Json evaluate_cfn(const Json& j) {
  if (j.is_array()) {
    Json out = Json::array();
    for (const auto& v : j) out.push_back(evaluate_cfn(v));
    return out;
  }
  if (!j.is_object()) return j;
  if (j.size() == 1 && j.contains("Ref")) return "{" + j["Ref"].get<std::string>() + "}";
  if (j.size() == 1 && j.contains("Fn::GetAtt"))
    return "{" + j["Fn::GetAtt"][0].get<std::string>() + "." + j["Fn::GetAtt"][1].get<std::string>() + "}";
  if (j.size() == 1 && j.contains("Fn::Sub")) {
    ADD_FAILURE() << "Fn::Sub in the template: " << j.dump();
    return j;
  }
  if (j.size() == 1 && j.contains("Fn::Join")) {
    std::string out;
    const Json parts = evaluate_cfn(j["Fn::Join"][1]);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!parts[i].is_string()) return Json{{"Fn::Join", {j["Fn::Join"][0], parts}}};
      out += (i ? j["Fn::Join"][0].get<std::string>() : "") + parts[i].get<std::string>();
    }
    return out;
  }
  Json out = Json::object();
  for (const auto& [k, v] : j.items()) out[k] = evaluate_cfn(v);
  return out;
}

// A scratch directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "ddbsynth-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path write(const OutputFile& f) const {
    fs::path p = path / f.path;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << f.content;
    return p;
  }
};

// Runs a shell command and returns its stdout; a non-zero exit is a test failure.
inline std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  char buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = pclose(p);
  EXPECT_EQ(status, 0) << command;
  return out;
}

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }  // scratch paths hold no quote

inline std::string read_output_js() { return std::string("node ") + DDBSYNTH_SOURCE_DIR "/tests/conformance/read-output.js"; }

// The Terraform modules of `tables` in `format` (hcl or json), evaluated as Terraform would: one
// node process for all of them.
inline std::vector<Json> evaluated_terraform(const std::vector<const Table*>& tables, const std::string& format) {
  TempDir dir;
  std::vector<std::string> modules;
  std::string args;
  for (size_t i = 0; i < tables.size(); ++i) {
    fs::path module;
    for (auto f : synth(*tables[i], "terraform", format)) {
      f.path = std::to_string(i) + "/" + f.path;
      module = dir.write(f).parent_path();
    }
    modules.push_back(module.string());
    args += " " + quoted(module);
  }
  std::string out = run(read_output_js() + " terraform " + format + args);
  Json all = out.empty() ? Json::object() : Json::parse(out);
  std::vector<Json> result;
  for (const auto& m : modules) result.push_back(all.value(m, Json()));
  return result;
}
inline Json evaluated_terraform(const Table& t, const std::string& format) { return evaluated_terraform({&t}, format)[0]; }

// Every str constant of a Python file, through Python's own parser.
inline std::multiset<std::string> python_strings(const fs::path& file) {
  std::string out = run(
      "python3 -c 'import ast, json, sys\n"
      "tree = ast.parse(open(sys.argv[1], encoding=\"utf-8\").read(), sys.argv[1])\n"
      "print(json.dumps([n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]))' " +
      quoted(file));
  return strings_of(Json::parse(out.empty() ? "[]" : out));
}

}  // namespace ddbsynth::test
