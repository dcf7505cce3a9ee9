// What it takes to make an existing local table match the config: a plan, computed from
// DescribeTable's answer and the model alone, so it can be tested without a server.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth::local {

using Json = nlohmann::ordered_json;

struct TablePlan {
  // Differences DynamoDB cannot change in place (the table's key, its LSIs): apply refuses.
  std::vector<std::string> conflicts;
  // GSIs to delete: no longer configured, or configured differently (then also in `creates`).
  struct Deletion {
    std::string index;
    std::string reason;  // "no longer in the config", "was ..., now ..."
  };
  std::vector<Deletion> deletes;
  // Configured GSIs to create, in config order.
  std::vector<const GlobalSecondaryIndex*> creates;
  // Differences apply leaves alone, worth a line.
  std::vector<std::string> notes;

  bool up_to_date() const { return deletes.empty() && creates.empty(); }
};

// `described` is the "Table" member of DescribeTable's answer.
TablePlan plan_update(const Table& t, const Json& described);

// "pk (S), sk (S)": a key schema as messages show it.
std::string describe_key(const KeyAttribute& partition, const std::optional<KeyAttribute>& sort);

}  // namespace ddbsynth::local
