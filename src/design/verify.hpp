// model verify's requests and their expected answers: every access pattern and collection run as
// the generated code runs it (GetItem, or Query with the review's key condition and direction),
// once per binding of its parameters taken from the sample items, and what it must return.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ddbsynth/design_review.hpp"
#include "design/sample_items.hpp"

namespace ddbsynth::design {

struct VerifyRequest {
  const PatternPlan* plan = nullptr;
  std::string operation;  // "GetItem" or "Query"
  Json request;           // without TableName
  std::string shown;      // the key condition with the values filled in
  std::vector<std::string> expected;  // sample ids of the pattern's own entities, in order
};

// The table after every sample item is written in order: which item each primary key holds.
class SampleTable {
 public:
  SampleTable(const Table& t, const std::vector<SampleItem>& items);
  // The item stored under the primary key of `item` (any item of the table or an index).
  const SampleItem* find(const Json& item) const;
  bool holds(const SampleItem& item) const { return find(item.item) == &item; }

 private:
  std::string key_of(const Json& item) const;
  const Table& t_;
  std::map<std::string, const SampleItem*> by_key_;
};

// The requests for every pattern of `review`, bound from `items`.
std::vector<VerifyRequest> verify_requests(const Table& t, const DesignReview& review,
                                           const std::vector<SampleItem>& items, const SampleTable& stored);

// What one request returned: its own entities' items (by sample id) and the number it read and
// filtered out by entity_type, judged against what the model expects.
struct VerifyOutcome {
  std::vector<std::string> expected, returned;
  size_t filtered = 0;
  bool in_order = true;  // by sort key, in the pattern's direction
  bool pass() const;
};

VerifyOutcome judge(const Table& t, const VerifyRequest& r, const std::vector<Json>& answer, const SampleTable& stored);

}  // namespace ddbsynth::design
