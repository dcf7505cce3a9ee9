// --target cdk: the template `cdk synth` writes for the seed's construct tree, byte for byte.
#include "backends/factories.hpp"
#include "ddbsynth/backend.hpp"
#include "stack_template.hpp"

namespace ddbsynth {
namespace {

class CdkBackend : public Backend {
 public:
  std::string_view name() const override { return "cdk"; }
  std::string_view description() const override {
    return "the template aws-cdk-lib synthesizes for the seed's CDK construct (same logical IDs, cdk.out bytes)";
  }
  std::vector<std::string_view> formats() const override { return {"json"}; }
  std::vector<OutputFile> synth(const Table& t, const BackendOptions&) const override {
    cdk::StackTemplate s = cdk::stack_template(t);
    return {{s.stack_name + ".template.json", cdk::template_text(std::move(s.doc))}};
  }
};

}  // namespace

std::unique_ptr<Backend> make_cdk_backend() { return std::make_unique<CdkBackend>(); }

}  // namespace ddbsynth
