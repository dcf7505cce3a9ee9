// libFuzzer target: bytes -> config reader (JSON or YAML, chosen by the first byte) -> validation
// -> every backend. Anything but a clean InputError/BackendError, or a sanitizer report, is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* name = (data[0] & 1) ? "fuzz.yaml" : "fuzz.json";
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ddbsynth::Table table;
  try {
    table = ddbsynth::parse_config(text, name);
  } catch (const ddbsynth::InputError& e) {
    if (e.diagnostics().empty()) __builtin_trap();  // an error must say where
    return 0;
  }
  for (const auto& backend : ddbsynth::backends()) {
    for (auto format : backend->formats()) {
      try {
        auto files = backend->synth(table, ddbsynth::BackendOptions{std::string(format)});
        if (files.empty()) __builtin_trap();
      } catch (const ddbsynth::BackendError&) {
      }
    }
  }
  return 0;
}
