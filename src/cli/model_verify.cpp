// ddbsynth model verify: the design review's claims run against a real DynamoDB API, on a scratch
// table that is always deleted afterwards.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "cli/commands.hpp"
#include "ddbsynth/config.hpp"
#include "ddbsynth/design_review.hpp"
#include "ddbsynth/diagnostics.hpp"
#include "design/verify.hpp"
#include "local/apply.hpp"

namespace ddbsynth::cli {
namespace {

using namespace std::chrono;

struct VerifyArgs {
  std::string config = "config.json";
  std::string endpoint;
  unsigned seed = 1;
  size_t items = 6;
};

std::atomic<bool> g_interrupted{false};
extern "C" void on_signal(int) { g_interrupted = true; }

struct Interrupted {};

void check_interrupt() {
  if (g_interrupted) throw Interrupted{};
}

// Deletes the scratch table however verify ends.
struct ScratchTable {
  const local::DynamoDb& db;
  std::string name;
  bool created = false;
  ~ScratchTable() {
    if (!created) return;
    try {
      db.call("DeleteTable", local::Json{{"TableName", name}});
    } catch (...) {
      std::cerr << fmt::format("ddbsynth: warning: could not delete the scratch table {}; delete it by hand\n", name);
    }
  }
};

std::vector<local::Json> run(const local::DynamoDb& db, const std::string& table, const design::VerifyRequest& r) {
  local::Json request = r.request;
  request["TableName"] = table;
  std::vector<local::Json> items;
  if (r.operation == "GetItem") {
    auto answer = db.call("GetItem", request);
    if (answer.contains("Item")) items.push_back(answer["Item"]);
    return items;
  }
  for (;;) {
    check_interrupt();
    auto answer = db.call("Query", request);
    for (auto& i : answer.value("Items", local::Json::array())) items.push_back(i);
    if (!answer.contains("LastEvaluatedKey")) return items;
    request["ExclusiveStartKey"] = answer["LastEvaluatedKey"];
  }
}

struct Row {
  std::string pattern, index;
  size_t requests = 0, expected = 0, returned = 0, filtered = 0, failed = 0;
  std::string first_failure;
};

int verify(const VerifyArgs& a) {
  Table t;
  try {
    t = load_config(a.config, DesignCheck::None);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
    return kInvalid;
  }
  if (t.design.entities.empty()) {
    report(fmt::format("{} has no entities to verify (see docs/model.md)", a.config));
    return kInvalid;
  }
  std::string url = !a.endpoint.empty() ? a.endpoint : t.local_dev ? local::default_endpoint(*t.local_dev) : "";
  if (url.empty()) {
    report(fmt::format("{} has no localDev: pass --endpoint URL", a.config));
    return kInvalid;
  }
  auto endpoint = local::parse_endpoint(url);
  if (!endpoint) {
    report(fmt::format("--endpoint {} is not an http(s) URL with a host", url));
    return kInvalid;
  }
  DesignReview review = review_design(t);
  auto items = design::sample_items(t, a.seed, a.items);
  design::SampleTable stored(t, items);
  auto requests = design::verify_requests(t, review, items, stored);

  Table scratch = t;
  std::string base = t.local_dev ? t.local_dev->table_name : "ddbsynth";
  if (!scratch.local_dev) scratch.local_dev = LocalDev{};
  scratch.local_dev->table_name = fmt::format("{}-verify-{}-{}", base.substr(0, 200), getpid(),
                                              duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() % 1000000);
  local::DynamoDb db(*endpoint, local::HttpTimeouts{milliseconds(3000), milliseconds(30000)});
  g_interrupted = false;
  auto old_int = std::signal(SIGINT, on_signal), old_term = std::signal(SIGTERM, on_signal);
  std::map<std::string, Row> rows;
  std::vector<std::string> order;
  int exit = kOk;
  try {
    ScratchTable guard{db, scratch.local_dev->table_name};
    std::ostringstream log;
    guard.created = true;  // from here on it may exist: delete it whatever happens
    local::apply(scratch, db, local::ApplyOptions{}, log);
    std::cout << fmt::format("scratch table {} at {}: {} sample items, {} requests\n", guard.name, url, items.size(),
                             requests.size())
              << std::flush;  // a script watching for it must see it now
    for (const auto& i : items) {
      check_interrupt();
      db.call("PutItem", local::Json{{"TableName", guard.name}, {"Item", i.item}});
    }
    for (const auto& r : requests) {
      check_interrupt();
      auto outcome = design::judge(t, r, run(db, guard.name, r), stored);
      std::string key = (r.plan->collection ? "" : r.plan->entity + ".") + r.plan->name;
      if (!rows.contains(key)) order.push_back(key);
      Row& row = rows[key];
      row.pattern = key;
      row.index = r.plan->condition.index;
      ++row.requests;
      row.expected += outcome.expected.size();
      row.returned += outcome.returned.size();
      row.filtered += outcome.filtered;
      if (!outcome.pass()) {
        ++row.failed;
        if (row.first_failure.empty())
          row.first_failure = fmt::format("{}: expected [{}], returned [{}]{}", r.shown, fmt::join(outcome.expected, ", "),
                                          fmt::join(outcome.returned, ", "), outcome.in_order ? "" : ", out of order");
      }
    }
  } catch (const Interrupted&) {
    std::cerr << "ddbsynth: interrupted; the scratch table was deleted\n";
    exit = 130;
  } catch (const local::ServiceError& e) {
    report(fmt::format("{} refused {}: {}: {}", url, e.operation, e.type, e.message));
    exit = kInvalid;
  } catch (const local::EndpointError& e) {
    report(fmt::format("{} failed at {}: {} (is DynamoDB Local running? `ddbsynth local up`)", e.operation, url, e.detail));
    exit = kInvalid;
  } catch (const local::WaitTimeout& e) {
    report(fmt::format("the scratch table did not become ready: {} ({})", e.what, e.status));
    exit = kInvalid;
  }
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (exit != kOk) return exit;
  size_t width = 7;
  for (const auto& k : order) width = std::max(width, k.size());
  std::cout << fmt::format("{:<{}}  {:>8}  {:>8}  {:>8}  {:>8}  {}\n", "PATTERN", width, "REQUESTS", "EXPECTED",
                           "RETURNED", "FILTERED", "RESULT");
  size_t failed = 0;
  for (const auto& k : order) {
    const Row& r = rows[k];
    std::string result = r.failed ? "FAIL" : r.filtered ? "pass (read and filtered others)" : "pass";
    std::cout << fmt::format("{:<{}}  {:>8}  {:>8}  {:>8}  {:>8}  {}\n", k, width, r.requests, r.expected, r.returned,
                             r.filtered, result);
    if (r.failed) {
      ++failed;
      std::cout << "    " << r.first_failure << '\n';
    }
  }
  std::cout << fmt::format("\n{} patterns, {} failed\n", order.size(), failed);
  return failed ? kFindings : kOk;
}

}  // namespace

void add_model_verify(CLI::App& model) {
  auto a = std::make_shared<VerifyArgs>();
  auto* cmd = model.add_subcommand("verify", "Run every access pattern against a real DynamoDB API on sample items");
  cmd->footer(
      "Creates a scratch table <localDev.tableName>-verify-<unique> with the config's key schema and\n"
      "indexes (the request `local apply` sends), writes sample items for every entity (ids that\n"
      "prefix each other, several items per partition, non-ASCII text, numbers that sort differently\n"
      "as text, sparse attributes set on some items), then runs every access pattern and collection\n"
      "as the generated code does: GetItem, or Query with the review's key condition and direction.\n"
      "Each answer is compared with the items the model says it must return, in order; items of\n"
      "other entity types it read and filtered out are counted. The scratch table is deleted\n"
      "afterwards, also on failure and on Ctrl+C or SIGTERM. The user's table is never touched.\n\n"
      "Exit codes: 0 every pattern returned what the model says; 1 a pattern did not; 2 invalid\n"
      "config, usage, or an endpoint that failed; 130 interrupted.\n\n"
      "Examples:\n"
      "  ddbsynth local dev                 # in one terminal\n"
      "  ddbsynth model verify              # in another: http://localhost:<localDev.port>\n"
      "  ddbsynth model verify config.json --endpoint http://127.0.0.1:4567 --seed 7 --items 10\n");
  cmd->add_option("config", a->config, "The config file")->capture_default_str();
  cmd->add_option("--endpoint", a->endpoint, "DynamoDB endpoint; default http://localhost:<localDev.port>");
  cmd->add_option("--seed", a->seed, "Seed for the sample items")->capture_default_str();
  cmd->add_option("--items", a->items, "Sample items per entity")->check(CLI::Range(2, 100))->capture_default_str();
  cmd->callback([a] { g_exit = verify(*a); });
}

}  // namespace ddbsynth::cli
