#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <iostream>

#include "cli/commands.hpp"
#include "ddbsynth/backend.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/diagnostics.hpp"

namespace ddbsynth::cli {

int g_exit = kOk;

void report(const std::string& message) { std::cerr << "ddbsynth: error: " << message << '\n'; }

std::vector<std::string> or_default(const std::vector<std::string>& configs) {
  return configs.empty() ? std::vector<std::string>{"config.json"} : configs;
}

std::optional<std::vector<Table>> load_all(const std::vector<std::string>& paths) {
  std::vector<Table> tables;
  bool ok = true;
  for (const auto& p : paths) {
    try {
      tables.push_back(load_config(p));
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return tables;
}

std::string target_names() {
  std::string out;
  for (const auto& b : backends()) out += (out.empty() ? "" : ", ") + std::string(b->name());
  return out;
}

const Backend* backend_for(const std::string& target, const std::string& format) {
  const Backend* backend = find_backend(target);
  if (!backend) {
    report(fmt::format("unknown target \"{}\" (targets: {})", target, target_names()));
    return nullptr;
  }
  auto formats = backend->formats();
  if (!format.empty() && std::find(formats.begin(), formats.end(), format) == formats.end()) {
    report(fmt::format("target {} has no format \"{}\" (formats: {})", target, format, fmt::join(formats, ", ")));
    return nullptr;
  }
  return backend;
}

}  // namespace ddbsynth::cli
