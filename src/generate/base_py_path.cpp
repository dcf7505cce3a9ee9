#include "generate/base_py_path.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

#include "generate/project_names.hpp"
#include "generate/python_source.hpp"

namespace ddbsynth {
namespace fs = std::filesystem;

fs::path find_base_py(const fs::path& project_dir, const std::string& package) {
  const fs::path rel = fs::path("entities") / "base.py";
  if (!package.empty()) {
    if (python::identifier(package) != package)
      throw GenerateError(fmt::format("invalid --package \"{}\": a Python package name is an identifier", package));
    return project_dir / package / rel;
  }
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(project_dir.empty() ? "." : project_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && fs::is_regular_file(it->path() / rel, ec))
      found.push_back(project_dir / it->path().filename() / rel);
  std::sort(found.begin(), found.end());
  if (found.size() == 1) return found.front();
  std::string dir = project_dir.empty() ? "." : project_dir.string();
  if (found.empty())
    throw GenerateError(fmt::format("no <package>/entities/base.py in {}: create the project with `ddbsynth new`, "
                                    "or name the package with --package", dir));
  std::vector<std::string> shown;
  for (const auto& f : found) shown.push_back(f.string());
  throw GenerateError(fmt::format("several packages in {} have entities/base.py ({}): choose one with --package", dir,
                                  fmt::join(shown, ", ")));
}

}  // namespace ddbsynth
