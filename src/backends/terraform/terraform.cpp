// --target terraform: a self-contained Terraform module per table, in its own directory.
#include "backends/cdk/unique_id.hpp"
#include "backends/factories.hpp"
#include "backends/terraform/module.hpp"
#include "ddbsynth/backend.hpp"

namespace ddbsynth {
namespace {

class TerraformBackend : public Backend {
 public:
  std::string_view name() const override { return "terraform"; }
  std::string_view description() const override {
    return "Terraform module in <stackName>/: versions.tf, variables.tf, main.tf, outputs.tf (json: *.tf.json)";
  }
  std::vector<std::string_view> formats() const override { return {"hcl", "json"}; }
  std::vector<OutputFile> synth(const Table& t, const BackendOptions& o) const override {
    tf::Module m = tf::build_module(t);
    bool json = o.format == "json";
    auto file = [&](const char* stem, const tf::File& f) {
      // As the stack is named (a long runtimeConfigKey shortened with a hash): a path component.
      std::string dir = cdk::stack_name_for_id(t.cdk_stack_name) + "/" + stem;
      return json ? OutputFile{dir + ".tf.json", tf::to_tf_json(f)} : OutputFile{dir + ".tf", tf::to_hcl(f)};
    };
    return {file("versions", m.versions), file("variables", m.variables), file("main", m.main),
            file("outputs", m.outputs)};
  }
};

}  // namespace

std::unique_ptr<Backend> make_terraform_backend() { return std::make_unique<TerraformBackend>(); }

}  // namespace ddbsynth
