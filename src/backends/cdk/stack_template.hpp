// The template aws-cdk-lib synthesizes for the construct tree of ../shared/spec/cdk-target.md.
#pragma once

#include <string>

#include "backends/common/cfn.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::cdk {

struct StackTemplate {
  std::string stack_name;  // the CDK's name for the stack; names the template file
  cfn::Json doc;           // keys in the order the CDK writes them
};

// Throws BackendError where aws-cdk-lib would throw for this config's tree.
StackTemplate stack_template(const Table& t);

// Only the checks of stack_template: for targets that build the same tree elsewhere (cdk-ts).
void check_buildable(const Table& t);

// The template file's bytes, as the CDK writes them: JSON.stringify(doc, undefined, 1).
std::string template_text(cfn::Json doc);

}  // namespace ddbsynth::cdk
