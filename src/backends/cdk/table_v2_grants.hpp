// What TableV2's grant methods (TableBaseV2.combinedGrant) write for a configured grant: the
// key's actions first, then the table's (on the table in the stack's region only; its replicas
// are not granted), and for roles imported by ARN the statements that also go on the key policy
// and on the table's resource policy.
#pragma once

#include "grants.hpp"

namespace ddbsynth::cdk {

GrantStatements table_v2_grant_statements(const Grant& g, const GrantTargets& targets);

}  // namespace ddbsynth::cdk
