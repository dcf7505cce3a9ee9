#include "generate/file_text.hpp"

#include <fstream>
#include <sstream>

namespace ddbsynth {

std::optional<std::string> file_text(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace ddbsynth
