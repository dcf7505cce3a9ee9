// --target cdk-ts: the TypeScript constructs the seed's generator vends for a table (the shared
// core constructs and the table's app construct reading its config.json), which build the
// same tree, and so the same template, as --target cdk.
#include "app_source.hpp"
#include "backends/cdk/stack_template.hpp"
#include "backends/factories.hpp"
#include "ddbsynth/backend.hpp"
#include "global_sources.hpp"
#include "ts_sources.hpp"

namespace ddbsynth {
namespace {

constexpr std::string_view kRoot = "packages/common/constructs/";

class CdkTsBackend : public Backend {
 public:
  std::string_view name() const override { return "cdk-ts"; }
  std::string_view description() const override {
    return "TypeScript CDK constructs (packages/common/constructs) that read the config at synth time";
  }
  std::vector<std::string_view> formats() const override { return {"ts"}; }
  std::vector<OutputFile> synth(const Table& t, const BackendOptions&) const override {
    // The constructs build the cdk target's tree, so a config the CDK cannot build fails here too.
    cdk::check_buildable(t);
    auto names = cdk_ts::app_names(t);
    auto file = [](std::string_view path, std::string_view content, Sharing sharing = Sharing::Identical) {
      return OutputFile{std::string(kRoot) + std::string(path), std::string(content), sharing};
    };
    std::vector<OutputFile> out{file("tsconfig.json", cdk_ts::kTsConfigJson),
                                file("src/core/workspace.ts", cdk_ts::kWorkspaceTs),
                                file("src/core/runtime-config.ts", cdk_ts::kRuntimeConfigTs),
                                file("src/core/dynamodb.ts", cdk_ts::kDynamoDbTs),
                                file("src/core/table-options.ts", cdk_ts::kTableOptionsTs)};
    if (t.is_global()) out.push_back(file("src/core/dynamodb-global.ts", cdk_ts::kDynamoDbGlobalTs));
    out.push_back(file("src/app/dynamodb/" + names.file + ".ts", cdk_ts::app_construct_source(t, names), Sharing::Owned));
    out.push_back(file("src/index.ts", cdk_ts::index_source(names, t.is_global()), Sharing::Lines));
    return out;
  }
};

}  // namespace

std::unique_ptr<Backend> make_cdk_ts_backend() { return std::make_unique<CdkTsBackend>(); }

}  // namespace ddbsynth
