#include "local/apply.hpp"

#include <fmt/format.h>

#include <functional>
#include <optional>
#include <thread>

#include "local/table_diff.hpp"
#include "local/table_request.hpp"

namespace ddbsynth::local {
namespace {

using Clock = std::chrono::steady_clock;

std::string str(const Json& j, const char* member) {
  auto it = j.find(member);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

class Applier {
 public:
  Applier(const Table& t, const DynamoDb& db, const ApplyOptions& o, std::ostream& out)
      : t_(t), db_(db), options_(o), out_(out), name_(t.local_dev->table_name) {}

  bool run() {
    auto table = describe_when_up();
    if (!table) return create();
    return update(*table);
  }

 private:
  // The table's description, or nullopt when there is none. Retries while the endpoint is
  // still coming up (ApplyOptions::startup).
  std::optional<Json> describe_when_up() {
    auto deadline = Clock::now() + options_.startup;
    for (;;) {
      try {
        return describe();
      } catch (const EndpointError& e) {
        bool starting = e.kind == EndpointError::Unreachable || e.kind == EndpointError::Other;
        if (!starting || Clock::now() >= deadline) throw;
        std::this_thread::sleep_for(options_.poll);
      }
    }
  }

  std::optional<Json> describe() {
    try {
      Json answer = db_.call("DescribeTable", Json{{"TableName", name_}});
      auto it = answer.find("Table");
      if (it == answer.end() || !it->is_object())
        throw EndpointError{EndpointError::NotDynamoDb, "DescribeTable", "the answer has no \"Table\""};
      return *it;
    } catch (const ServiceError& e) {
      if (e.type == "ResourceNotFoundException") return std::nullopt;
      throw;
    }
  }

  bool create() {
    try {
      db_.call("CreateTable", create_table_request(t_));
    } catch (const ServiceError& e) {
      // Created meanwhile by someone else (a second `up`): bring that one in line instead.
      if (e.type != "ResourceInUseException") throw;
      auto table = describe();
      if (!table) throw;
      return update(*table);
    }
    wait_for("table to become ACTIVE", [](const Json* table) { return all_active(table); });
    out_ << fmt::format("created table {} ({})\n", name_, describe_key(t_.partition_key, t_.sort_key));
    for (const auto& l : t_.lsis) out_ << fmt::format("created LSI {}\n", l.name);
    for (const auto& g : t_.gsis) out_ << fmt::format("created GSI {}\n", g.name);
    return true;
  }

  bool update(const Json& described) {
    TablePlan plan = plan_update(t_, described);
    if (!plan.conflicts.empty()) throw ApplyConflict{plan.conflicts};
    for (const auto& note : plan.notes) out_ << "note: " << note << '\n';
    if (plan.up_to_date()) return false;
    // DynamoDB changes one GSI at a time and refuses the next while one is in flight.
    wait_for("table and its GSIs to become ACTIVE", [](const Json* table) { return all_active(table); });
    for (const auto& d : plan.deletes) {
      db_.call("UpdateTable", delete_index_request(t_, d.index));
      wait_for(fmt::format("GSI {} to be deleted", d.index), [&](const Json* table) {
        const Json* index = find_index(table, d.index);
        return index ? fmt::format("GSI {} still there, {}", d.index, status_of(*index)) : all_active(table);
      });
      out_ << fmt::format("deleted GSI {} ({})\n", d.index, d.reason);
    }
    for (const auto* g : plan.creates) {
      db_.call("UpdateTable", create_index_request(t_, *g));
      wait_for(fmt::format("GSI {} to become ACTIVE", g->name), [&](const Json* table) {
        const Json* index = find_index(table, g->name);
        return index ? all_active(table) : std::string("no such GSI");
      });
      out_ << fmt::format("created GSI {}\n", g->name);
    }
    return true;
  }

  static std::string status_of(const Json& j) {
    std::string s = str(j, "IndexStatus");
    return s.empty() ? str(j, "TableStatus") : s;
  }

  static const Json* find_index(const Json* table, const std::string& name) {
    auto it = table->find("GlobalSecondaryIndexes");
    if (it == table->end() || !it->is_array()) return nullptr;
    for (const auto& i : *it)
      if (str(i, "IndexName") == name) return &i;
    return nullptr;
  }

  // "" when the table and every GSI are ACTIVE; else what is not, e.g. "GSI byDate CREATING".
  static std::string all_active(const Json* table) {
    std::string status = str(*table, "TableStatus");
    if (status != "ACTIVE") return "table " + (status.empty() ? "without status" : status);
    auto it = table->find("GlobalSecondaryIndexes");
    if (it != table->end() && it->is_array())
      for (const auto& i : *it)
        if (str(i, "IndexStatus") != "ACTIVE" && !str(i, "IndexStatus").empty())
          return fmt::format("GSI {} {}", str(i, "IndexName"), str(i, "IndexStatus"));
    return "";
  }

  // Polls DescribeTable until `pending` says nothing is pending ("") or the wait runs out.
  void wait_for(const std::string& what, const std::function<std::string(const Json*)>& pending) {
    auto start = Clock::now();
    for (;;) {
      auto table = describe();
      std::string state = table ? pending(&*table) : "table not found";
      if (state.empty()) return;
      auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      if (waited >= options_.wait) throw WaitTimeout{what, state, waited};
      std::this_thread::sleep_for(options_.poll);
    }
  }

  const Table& t_;
  const DynamoDb& db_;
  const ApplyOptions& options_;
  std::ostream& out_;
  std::string name_;
};

}  // namespace

bool apply(const Table& t, const DynamoDb& db, const ApplyOptions& options, std::ostream& out) {
  return Applier(t, db, options, out).run();
}

}  // namespace ddbsynth::local
