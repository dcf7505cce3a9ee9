#include "generate/local_port.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "ddbsynth/limits.hpp"
#include "generate/file_text.hpp"

namespace ddbsynth {
namespace fs = std::filesystem;
namespace {

constexpr int kFirstPort = 8000;  // the seed's and the contract's default

std::optional<int> configured_port(const fs::path& file) {
  auto text = file_text(file);
  if (!text) return std::nullopt;
  auto json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("localDev") || !json["localDev"].is_object()) return std::nullopt;
  const auto& local = json["localDev"];
  if (!local.contains("port")) return kFirstPort;
  if (!local["port"].is_number_integer()) return std::nullopt;
  return local["port"].get<int>();
}

// The seed's port registry: project.json metadata.ports (and the older metadata.port), which its
// FastAPI, MCP server and agent generators fill from 8000 up too.
void reserved_ports(const fs::path& file, std::set<int>& out) {
  auto text = file_text(file);
  if (!text) return;
  auto json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("metadata") || !json["metadata"].is_object()) return;
  const auto& m = json["metadata"];
  if (m.contains("port") && m["port"].is_number_integer()) out.insert(m["port"].get<int>());
  if (m.contains("ports") && m["ports"].is_array())
    for (const auto& p : m["ports"])
      if (p.is_number_integer()) out.insert(p.get<int>());
}

bool skipped(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name == "node_modules" || (name.size() > 1 && name[0] == '.');
}

}  // namespace

int shared_local_port(const fs::path& dir) {
  std::set<int> used, reserved;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && skipped(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().filename() == "config.json" && it->is_regular_file(ec))
      if (auto port = configured_port(it->path())) used.insert(*port);
    if (it->path().filename() == "project.json" && it->is_regular_file(ec)) reserved_ports(it->path(), reserved);
  }
  if (!used.empty()) return *used.begin();
  // The first DynamoDB project, as the seed: the lowest port from 8000 no other project reserves.
  int port = kFirstPort;
  while (reserved.contains(port) && port < limits::kMaxPort) ++port;
  return port;
}

}  // namespace ddbsynth
