#include "generate/local_port.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>

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

bool skipped(const fs::path& dir) {
  std::string name = dir.filename().string();
  return name == "node_modules" || (name.size() > 1 && name[0] == '.');
}

}  // namespace

int shared_local_port(const fs::path& dir) {
  std::set<int> used;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && skipped(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().filename() == "config.json" && it->is_regular_file(ec))
      if (auto port = configured_port(it->path())) used.insert(*port);
  }
  return used.empty() ? kFirstPort : *used.begin();
}

}  // namespace ddbsynth
