// What each access level grants, as the AWS CDK's Table.grant* methods define it.
#pragma once

#include <span>
#include <string_view>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

struct AccessActions {
  std::span<const std::string_view> table;           // on the table (and its indexes, if any)
  std::span<const std::string_view> principal_only;  // the same, but never in a resource policy
  std::span<const std::string_view> key;     // on the KMS key
  std::span<const std::string_view> stream;  // on the stream ARN (streamRead only)
  bool list_streams = false;                 // dynamodb:ListStreams on "*" (streamRead only)
};

const AccessActions& actions_for(Access);

// Read access to the runtime config, added to every granted role.
std::span<const std::string_view> appconfig_read_actions();

}  // namespace ddbsynth
