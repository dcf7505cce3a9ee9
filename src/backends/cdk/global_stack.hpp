// The template of the spec's tree for a table with replicas (../shared/spec/cdk-target.md,
// "Global tables"): the stack bound to tableConfig.region, a TableV2 where the regional tree
// has its Table, the rest as for a regional table.
#pragma once

#include "stack_template.hpp"

namespace ddbsynth::cdk {

StackTemplate global_stack_template(const Table& t);

// Only the checks of global_stack_template.
void check_global_buildable(const Table& t);

}  // namespace ddbsynth::cdk
