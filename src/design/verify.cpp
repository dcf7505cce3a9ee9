#include "design/verify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace ddbsynth::design {
namespace {

// One index's key attributes, as the sample items carry them.
struct IndexKeys {
  std::string index_name;  // "" for the table
  const KeyAttribute* pk = nullptr;
  const KeyAttribute* sk = nullptr;
  bool gsi = false;
};

IndexKeys index_keys(const Table& t, const std::string& index) {
  if (index == "table") return {"", &t.partition_key, t.sort_key ? &*t.sort_key : nullptr, false};
  for (const auto& g : t.gsis)
    if (g.name == index) return {g.name, &g.partition_key, g.sort_key ? &*g.sort_key : nullptr, true};
  for (const auto& l : t.lsis)
    if (l.name == index) return {l.name, &t.partition_key, &l.sort_key, false};
  return {};
}

// DynamoDB's order: N by value, S and B by bytes.
int compare(const Json& a, const Json& b) {
  if (a.contains("N") && b.contains("N")) {
    double x = std::stod(scalar(a)), y = std::stod(scalar(b));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return scalar(a).compare(scalar(b)) < 0 ? -1 : scalar(a) == scalar(b) ? 0 : 1;
}

bool admits(const KeyCondition& c, const Json& sk, const Json& v1, const Json& v2) {
  switch (c.sk_op) {
    case KeyOp::None: return true;
    case KeyOp::BeginsWith: return scalar(sk).starts_with(scalar(v1));
    case KeyOp::Between: return compare(sk, v1) >= 0 && compare(sk, v2) <= 0;
    case KeyOp::Lt: return compare(sk, v1) < 0;
    case KeyOp::Le: return compare(sk, v1) <= 0;
    case KeyOp::Gt: return compare(sk, v1) > 0;
    case KeyOp::Ge: return compare(sk, v1) >= 0;
    case KeyOp::Eq: return compare(sk, v1) == 0;
  }
  return false;
}

std::string shown_value(const Json& typed) {
  return typed.contains("S") ? "\"" + scalar(typed) + "\"" : scalar(typed);
}

// The parameters of `plan` bound from the k-th item of its first entity (and, for a between,
// the next item's value as the other bound); nothing when that item lacks one.
std::optional<Json> bind_parameters(const PatternPlan& plan, const std::vector<const SampleItem*>& own, size_t k) {
  Json out = Json::object();
  const Json& item = own[k]->item;
  const Json& next = own[(k + 1) % own.size()]->item;
  for (size_t i = 0; i < plan.parameters.size(); ++i) {
    const Parameter& p = plan.parameters[i];
    if (!item.contains(p.attribute)) return std::nullopt;
    bool end = p.name == p.attribute + "_end", start = p.name == p.attribute + "_start";
    if (!start && !end) {
      out[p.name] = item[p.attribute];
      continue;
    }
    Json a = item[p.attribute], b = next.contains(p.attribute) ? next[p.attribute] : a;
    if (compare(a, b) > 0) std::swap(a, b);
    out[p.name] = start ? a : b;
  }
  return out;
}

}  // namespace

SampleTable::SampleTable(const Table& t, const std::vector<SampleItem>& items) : t_(t) {
  for (const auto& i : items) by_key_[key_of(i.item)] = &i;  // later writes replace earlier ones
}

std::string SampleTable::key_of(const Json& item) const {
  std::string key = item.value(t_.partition_key.name, Json()).dump();
  if (t_.sort_key) key += "\n" + item.value(t_.sort_key->name, Json()).dump();
  return key;
}

const SampleItem* SampleTable::find(const Json& item) const {
  auto it = by_key_.find(key_of(item));
  return it == by_key_.end() ? nullptr : it->second;
}

bool VerifyOutcome::pass() const {
  auto a = expected, b = returned;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b && in_order;
}

std::vector<VerifyRequest> verify_requests(const Table& t, const DesignReview& review,
                                           const std::vector<SampleItem>& items, const SampleTable& stored) {
  std::vector<VerifyRequest> out;
  for (const auto& plan : review.patterns) {
    const KeyCondition& c = plan.condition;
    if (c.pk_attribute.empty()) continue;  // a pattern the review refused (INDEX_KEY_MISSING)
    IndexKeys ix = index_keys(t, c.index);
    std::vector<const SampleItem*> own, mine;
    for (const auto& i : items) {
      bool listed = std::find(plan.entities.begin(), plan.entities.end(), i.entity->name) != plan.entities.end();
      if (listed) mine.push_back(&i);
      if (i.entity->name == plan.entities.front()) own.push_back(&i);
    }
    std::set<std::string> seen;
    for (size_t k = 0; k < own.size(); ++k) {
      auto params = bind_parameters(plan, own, k);
      if (!params) continue;
      auto pk = key_value(c.pk, *params, c.pk_type);
      std::optional<Json> v1, v2;
      if (!c.sk_attribute.empty()) v1 = key_value(c.sk, *params, c.sk_type);
      if (c.sk_op == KeyOp::Between) v2 = key_value(c.sk_end, *params, c.sk_type);
      if (!pk || (!c.sk_attribute.empty() && !v1) || (c.sk_op == KeyOp::Between && !v2)) continue;
      VerifyRequest r;
      r.plan = &plan;
      r.shown = fmt::format("{} = {}", c.pk_attribute, shown_value(*pk));
      if (plan.get) {
        r.operation = "GetItem";
        Json key = Json::object();
        key[c.pk_attribute] = *pk;
        r.request = Json::object();
        r.request["Key"] = key;
        r.request["ConsistentRead"] = true;
        if (v1) {
          r.request["Key"][c.sk_attribute] = *v1;
          r.shown += fmt::format(", {} = {}", c.sk_attribute, shown_value(*v1));
        }
      } else {
        static constexpr const char* kOps[] = {"", "", "", "<", "<=", ">", ">=", "="};
        std::string expr = "#pk = :pk";
        Json names = Json::object(), values = Json::object();
        names["#pk"] = c.pk_attribute;
        values[":pk"] = *pk;
        if (v1) {
          names["#sk"] = c.sk_attribute;
          values[":sk"] = *v1;
          if (c.sk_op == KeyOp::BeginsWith) {
            expr += " AND begins_with(#sk, :sk)";
            r.shown += fmt::format(" AND begins_with({}, {})", c.sk_attribute, shown_value(*v1));
          } else if (c.sk_op == KeyOp::Between) {
            values[":sk2"] = *v2;
            expr += " AND #sk BETWEEN :sk AND :sk2";
            r.shown += fmt::format(" AND {} BETWEEN {} AND {}", c.sk_attribute, shown_value(*v1), shown_value(*v2));
          } else {
            expr += fmt::format(" AND #sk {} :sk", kOps[static_cast<int>(c.sk_op)]);
            r.shown += fmt::format(" AND {} {} {}", c.sk_attribute, kOps[static_cast<int>(c.sk_op)], shown_value(*v1));
          }
        }
        r.operation = "Query";
        r.request = Json::object();
        r.request["KeyConditionExpression"] = expr;
        r.request["ExpressionAttributeNames"] = names;
        r.request["ExpressionAttributeValues"] = values;
        r.request["ScanIndexForward"] = !plan.descending;
        if (!ix.index_name.empty()) r.request["IndexName"] = ix.index_name;
        if (!ix.gsi) r.request["ConsistentRead"] = true;
      }
      if (!seen.insert(r.operation + r.request.dump()).second) continue;
      // What the design promises: its own items (the last written of each primary key) that the
      // condition admits.
      for (const SampleItem* i : mine) {
        const Json& item = i->item;
        if (!item.contains(ix.pk->name) || item[ix.pk->name] != *pk) continue;
        if (ix.sk && !item.contains(ix.sk->name)) continue;
        bool ok = plan.get ? (!v1 || item[ix.sk->name] == *v1) : (!v1 || admits(c, item[ix.sk->name], *v1, v2 ? *v2 : *v1));
        if (!ok) continue;
        const SampleItem* last = stored.find(item);
        if (last && last->entity == i->entity && last != i) continue;  // its own later item replaced it
        r.expected.push_back(i->id());
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

VerifyOutcome judge(const Table& t, const VerifyRequest& r, const std::vector<Json>& answer, const SampleTable& stored) {
  VerifyOutcome o;
  o.expected = r.expected;
  const auto& entities = r.plan->entities;
  IndexKeys ix = index_keys(t, r.plan->condition.index);
  std::optional<Json> previous;
  for (const auto& item : answer) {
    const SampleItem* s = stored.find(item);
    if (!s || std::find(entities.begin(), entities.end(), s->entity->name) == entities.end()) {
      ++o.filtered;
      continue;
    }
    o.returned.push_back(s->id());
    if (ix.sk && item.contains(ix.sk->name)) {
      if (previous) {
        int cmp = compare(*previous, item[ix.sk->name]);
        if (r.plan->descending ? cmp < 0 : cmp > 0) o.in_order = false;
      }
      previous = item[ix.sk->name];
    }
  }
  return o;
}

}  // namespace ddbsynth::design
