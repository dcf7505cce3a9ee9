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
  auto ptr = [](const std::optional<Scaling>& s) { return s ? &*s : nullptr; };
  for (const auto& g : t.gsis) {
    if (!t.is_global() || !g.capacity) {
      add(out, &g, g.auto_scaling);
      continue;
    }
    // A global table's index follows the table's scaling where it sets none of its own (as
    // TableV2 and the GlobalTable resource do): always for writes, which a global table must
    // autoscale, and for reads unless the index fixes a read capacity of its own.
    const Scaling* read = ptr(g.auto_scaling.read);
    if (!read && t.capacity && g.capacity->read == t.capacity->read) read = ptr(t.auto_scaling.read);
    const Scaling* write = g.auto_scaling.write ? ptr(g.auto_scaling.write) : ptr(t.auto_scaling.write);
    if (read) out.push_back({&g, true, read});
    if (write) out.push_back({&g, false, write});
  }
  return out;
}

}  // namespace ddbsynth
