#include "backends/common/autoscaling.hpp"

namespace ddbsynth {
namespace {

void add(std::vector<ScaledDimension>& out, const GlobalSecondaryIndex* index, const AutoScaling& a) {
  if (a.read) out.push_back({index, true, &*a.read});
  if (a.write) out.push_back({index, false, &*a.write});
}

}  // namespace

std::string ScaledDimension::scalable_dimension() const {
  return std::string(index ? "dynamodb:index:" : "dynamodb:table:") + (read ? "ReadCapacityUnits" : "WriteCapacityUnits");
}

std::string ScaledDimension::predefined_metric() const {
  return read ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";
}

std::vector<ScaledDimension> scaled_dimensions(const Table& t) {
  std::vector<ScaledDimension> out;
  add(out, nullptr, t.auto_scaling);
  for (const auto& g : t.gsis) add(out, &g, g.auto_scaling);
  return out;
}

}  // namespace ddbsynth
