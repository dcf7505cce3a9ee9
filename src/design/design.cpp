#include "ddbsynth/design.hpp"

#include "ddbsynth/design_review.hpp"

namespace ddbsynth {

std::vector<std::string> KeyTemplate::placeholders() const {
  std::vector<std::string> out;
  for (const auto& p : parts)
    if (p.placeholder) out.push_back(p.text);
  return out;
}

std::string KeyTemplate::literal_prefix() const {
  return !parts.empty() && !parts[0].placeholder ? parts[0].text : std::string();
}

const EntityAttribute* Entity::attribute(std::string_view n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

const EntityKey* Entity::key(std::string_view index) const {
  for (const auto& k : keys)
    if (k.index == index) return &k;
  return nullptr;
}

const Entity* Design::entity(std::string_view n) const {
  for (const auto& e : entities)
    if (e.name == n) return &e;
  return nullptr;
}

const char* to_string(ItemType t) {
  static const char* const kNames[] = {"S", "N", "B", "BOOL", "SS", "NS", "BS", "L", "M"};
  return kNames[static_cast<int>(t)];
}

const char* to_string(SkOp op) {
  static const char* const kNames[] = {"prefix", "between", "<", "<=", ">", ">=", "="};
  return kNames[static_cast<int>(op)];
}

const char* to_string(Severity s) {
  static const char* const kNames[] = {"error", "warning", "info"};
  return kNames[static_cast<int>(s)];
}

bool DesignReview::has_error() const {
  for (const auto& f : findings)
    if (f.severity == Severity::Error) return true;
  return false;
}

}  // namespace ddbsynth
