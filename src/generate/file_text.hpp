// Reading what is already on disk, to compare it with what a generator would write.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ddbsynth {

// The bytes of `path`, or nullopt when it cannot be opened (missing, a directory, no permission).
std::optional<std::string> file_text(const std::filesystem::path& path);

}  // namespace ddbsynth
