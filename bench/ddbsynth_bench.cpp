// Where the time of one table goes: reading and validating its config, and each backend.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/config.hpp"

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& everything() {
  static const std::string text = slurp(DDBSYNTH_SOURCE_DIR "/fixtures/configs/everything.json");
  return text;
}

void BM_ParseJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ddbsynth::parse_config(everything(), "everything.json"));
}
BENCHMARK(BM_ParseJson);

void BM_ParseYaml(benchmark::State& state) {
  static const std::string text = slurp(DDBSYNTH_SOURCE_DIR "/fixtures/configs/yaml-table.yaml");
  for (auto _ : state) benchmark::DoNotOptimize(ddbsynth::parse_config(text, "yaml-table.yaml"));
}
BENCHMARK(BM_ParseYaml);

void BM_Backend(benchmark::State& state, const ddbsynth::Backend* backend) {
  auto table = ddbsynth::parse_config(everything(), "everything.json");
  for (auto _ : state) benchmark::DoNotOptimize(backend->synth(table, {}));
}

const bool registered = [] {
  for (const auto& b : ddbsynth::backends())
    benchmark::RegisterBenchmark(("BM_Synth/" + std::string(b->name())).c_str(), BM_Backend, b.get());
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
