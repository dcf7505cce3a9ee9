// Making the local table match the config: create it, or delete and create GSIs one at a time.
// Never deletes the table or its items.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "ddbsynth/model.hpp"
#include "local/dynamodb.hpp"

namespace ddbsynth::local {

struct ApplyOptions {
  std::chrono::milliseconds wait{std::chrono::seconds(120)};  // per table or index to become ACTIVE
  std::chrono::milliseconds poll{200};
  // How long to keep retrying while nothing answers yet (a container that is starting); 0: fail at once.
  std::chrono::milliseconds startup{0};
};

// The table differs in what DynamoDB cannot change in place: its key or its LSIs.
struct ApplyConflict {
  std::vector<std::string> differences;
};

// A table or index did not get where it had to within ApplyOptions::wait.
struct WaitTimeout {
  std::string what;    // "GSI byDate to become ACTIVE"
  std::string status;  // what DescribeTable said last
  std::chrono::milliseconds waited;
};

// Applies t's local table (t.local_dev must be set) through `db`, telling `out` each change.
// Returns whether anything changed. Throws ApplyConflict, WaitTimeout, ServiceError, EndpointError.
bool apply(const Table& t, const DynamoDb& db, const ApplyOptions& options, std::ostream& out);

}  // namespace ddbsynth::local
