// The design review (../shared/spec/entities.md, "What ddbsynth checks"): each pattern's request,
// built once here for `model` and the generated code, and what that request can read.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "ddbsynth/design_review.hpp"
#include "ddbsynth/limits.hpp"
#include "design/key_language.hpp"

namespace ddbsynth {
namespace {

using design::Nfa;
using design::Slot;

// One index as the review sees it: its key attributes and projection.
struct IndexInfo {
  std::string name;
  std::string kind;  // "table", "GSI", "LSI"
  KeyAttribute pk;
  std::optional<KeyAttribute> sk;
  Projection projection = Projection::All;
  const std::vector<std::string>* non_key = nullptr;
};

AttributeType key_type(ItemType t) {
  return t == ItemType::N ? AttributeType::N : t == ItemType::B ? AttributeType::B : AttributeType::S;
}

// An entity's keys on one index: the templates its items get there (an LSI's partition key is
// the table's), with their languages.
struct Placement {
  const KeyTemplate* pk = nullptr;
  const KeyTemplate* sk = nullptr;
  Nfa pk_lang, sk_lang;
};

class Reviewer {
 public:
  explicit Reviewer(const Table& t) : d_(t.design) {
    indexes_.push_back({"table", "table", t.partition_key, t.sort_key, Projection::All, nullptr});
    for (const auto& g : t.gsis) indexes_.push_back({g.name, "GSI", g.partition_key, g.sort_key, g.projection, &g.non_key_attributes});
    for (const auto& l : t.lsis) indexes_.push_back({l.name, "LSI", t.partition_key, l.sort_key, l.projection, &l.non_key_attributes});
    placed_.resize(d_.entities.size() * indexes_.size());
    for (const auto& e : d_.entities)
      for (const auto& ix : indexes_) place(e, ix);
  }

  DesignReview run() {
    collisions();
    for (const auto& e : d_.entities) {
      sparse(e);
      for (const auto& p : e.patterns) pattern(e, p);
    }
    for (const auto& c : d_.collections) collection(c);
    std::stable_sort(out_.findings.begin(), out_.findings.end(), [](const auto& a, const auto& b) {
      return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
    });
    if (stopped() || unlisted_) {
      DesignFinding last;
      last.severity = stopped() ? Severity::Error : Severity::Info;
      last.code = "TOO_MANY_FINDINGS";
      last.message = stopped() ? fmt::format("too many errors, stopping after {}", kMaxFindings)
                               : fmt::format("{} more warnings and notes are not listed", unlisted_);
      last.pos = out_.findings.back().pos;
      out_.findings.push_back(std::move(last));
    }
    return std::move(out_);
  }

 private:
  const Design& d_;
  std::vector<IndexInfo> indexes_;
  std::vector<std::optional<Placement>> placed_;  // by entity, then index

  std::optional<Placement>& slot(const Entity& e, const IndexInfo& ix) {
    return placed_[static_cast<size_t>(&e - d_.entities.data()) * indexes_.size() +
                   static_cast<size_t>(&ix - indexes_.data())];
  }
  DesignReview out_;

  const IndexInfo* index(std::string_view name) const {
    for (const auto& i : indexes_)
      if (i.name == name) return &i;
    return nullptr;
  }

  const Placement* placement(const Entity& e, const IndexInfo& ix) {
    auto& p = slot(e, ix);
    return p ? &*p : nullptr;
  }

  void place(const Entity& e, const IndexInfo& ix) {
    const EntityKey* k = e.key(ix.name);
    const EntityKey* table = e.key("table");
    if (!k || !table) return;
    Placement p;
    p.pk = ix.kind == "LSI" ? (table->pk ? &*table->pk : nullptr) : (k->pk ? &*k->pk : nullptr);
    p.sk = k->sk ? &*k->sk : nullptr;
    if (!p.pk || (ix.sk && !p.sk)) return;  // the reader reported it
    p.pk_lang = design::parts_language(p.pk->parts, design::slots_of(*p.pk, e));
    if (p.sk) p.sk_lang = design::parts_language(p.sk->parts, design::slots_of(*p.sk, e));
    slot(e, ix) = std::move(p);
  }

  // Like a compiler, a hostile design gets 100 errors and then a stop; warnings and notes past 100
  // are counted, not listed.
  static constexpr size_t kMaxFindings = 100;
  size_t errors_ = 0, others_ = 0, unlisted_ = 0;
  bool stopped() const { return errors_ >= kMaxFindings; }

  void add(Severity s, std::string code, std::string message, SourcePos pos, std::vector<std::string> entities,
           std::string index, std::optional<std::string> pattern = std::nullopt,
           std::optional<std::string> wpk = std::nullopt, std::optional<std::string> wsk = std::nullopt) {
    if (stopped()) return;
    if (s != Severity::Error && others_ >= kMaxFindings) {
      ++unlisted_;
      return;
    }
    ++(s == Severity::Error ? errors_ : others_);
    out_.findings.push_back({s, std::move(code), std::move(message), std::move(pos), std::move(entities),
                             std::move(index), std::move(pattern), std::move(wpk), std::move(wsk)});
  }

  // A shared string of the languages, or nothing; a design too large to decide is an error once.
  std::optional<std::string> common(const std::vector<const Nfa*>& langs, const SourcePos& pos) {
    if (explored_ >= limits::kMaxReviewStates) return std::nullopt;
    try {
      return design::common_string(langs, limits::kMaxReviewStates - explored_, &explored_);
    } catch (const design::TooComplex&) {
      explored_ = limits::kMaxReviewStates;
      add(Severity::Error, "DESIGN_TOO_COMPLEX",
          fmt::format("the review stopped here after comparing key templates for {} steps: too many entities "
                      "share literal key prefixes, or templates are too long, to compare exactly",
                      limits::kMaxReviewStates),
          pos, {}, "");
      return std::nullopt;
    }
  }
  size_t explored_ = 0;

  // Literal text at the start or end of two templates that disagrees: their keys never meet.
  static bool literals_disagree(const KeyTemplate& a, const KeyTemplate& b) {
    auto edge = [](const KeyTemplate& t, bool front) -> std::string {
      const auto& part = front ? t.parts.front() : t.parts.back();
      return part.placeholder ? "" : part.text;
    };
    std::string pa = edge(a, true), pb = edge(b, true);
    size_t n = std::min(pa.size(), pb.size());
    if (pa.compare(0, n, pb, 0, n) != 0) return true;
    std::string sa = edge(a, false), sb = edge(b, false);
    n = std::min(sa.size(), sb.size());
    return sa.compare(sa.size() - n, n, sb, sb.size() - n, n) != 0;
  }

  void collisions() {
    const IndexInfo& table = indexes_.front();
    for (size_t i = 0; i < d_.entities.size(); ++i) {
      const Placement* a = placement(d_.entities[i], table);
      if (!a) continue;
      for (size_t j = i + 1; j < d_.entities.size() && !stopped(); ++j) {
        const Entity& e = d_.entities[j];
        const Placement* b = placement(e, table);
        if (!b || literals_disagree(*a->pk, *b->pk) || (a->sk && literals_disagree(*a->sk, *b->sk))) continue;
        const SourcePos& pos = e.key("table")->pos;
        auto pk = common({&a->pk_lang, &b->pk_lang}, pos);
        if (!pk) continue;
        std::optional<std::string> sk;
        if (table.sk) {
          sk = common({&a->sk_lang, &b->sk_lang}, pos);
          if (!sk) continue;
        }
        const Entity& first = d_.entities[i];
        std::string key = table.sk ? fmt::format("pk {} with sk {}", design::shown_key(*pk), design::shown_key(*sk))
                                   : fmt::format("pk {}", design::shown_key(*pk));
        add(Severity::Error, "PRIMARY_KEY_COLLISION",
            fmt::format("{} and {} can have the same primary key, so one would overwrite the other's items: both "
                        "make {} (templates {}{} and {}{}); give each entity type its own prefix",
                        first.name, e.name, key, a->pk->source, a->sk ? " / " + a->sk->source : "", b->pk->source,
                        b->sk ? " / " + b->sk->source : ""),
            pos, {first.name, e.name}, "table", std::nullopt, pk, sk);
      }
    }
  }

  void sparse(const Entity& e) {
    for (const auto& k : e.keys) {
      if (!k.sparse) continue;
      std::set<std::string> optional;
      for (const auto* t : {&k.pk, &k.sk})
        if (*t)
          for (const auto& n : (*t)->placeholders())
            if (const auto* a = e.attribute(n); a && a->optional) optional.insert(n);
      add(Severity::Info, "SPARSE_INDEX",
          fmt::format("{} is in index {} only while {} {} set (a sparse index)", e.name, k.index,
                      fmt::join(optional, " and "), optional.size() == 1 ? "is" : "are"),
          k.pos, {e.name}, k.index);
    }
  }

  // The parameters a template's placeholders take, each once, after those already in `out`.
  static void parameters(const KeyTemplate& t, const Entity& e, std::vector<Parameter>& out, size_t upto = SIZE_MAX) {
    size_t seen = 0;
    for (const auto& p : t.parts) {
      if (!p.placeholder) continue;
      if (seen++ >= upto) break;
      bool dup = std::any_of(out.begin(), out.end(), [&](const Parameter& x) { return x.name == p.text; });
      const EntityAttribute* a = e.attribute(p.text);
      if (!dup && a) out.push_back({p.text, p.text, key_type(a->type)});
    }
  }

  // The partition key part of a request: the index's key attribute equal to the template's value.
  static void partition(PatternPlan& plan, const IndexInfo& ix, const KeyTemplate& pk, const Entity& e) {
    plan.condition.pk_attribute = ix.pk.name;
    plan.condition.pk_type = ix.pk.type;
    plan.condition.pk = pk.parts;
    parameters(pk, e, plan.parameters);
  }

  // The parts of `t` up to and including its `n`-th placeholder and the literal after it.
  static std::vector<TemplatePart> through(const KeyTemplate& t, size_t n) {
    std::vector<TemplatePart> out;
    size_t seen = 0;
    for (const auto& p : t.parts) {
      if (p.placeholder && seen++ == n) break;
      out.push_back(p);
    }
    return out;
  }

  // The sort key part of a query's condition, and the sort keys it admits: the strings every
  // language of `admits` accepts (none: any sort key).
  void sort_condition(const Entity& e, const IndexInfo& ix, const KeyTemplate& sk, const std::optional<SkCondition>& c,
                      PatternPlan& plan, std::vector<Nfa>& admits) {
    KeyCondition& kc = plan.condition;
    kc.sk_attribute = ix.sk->name;
    kc.sk_type = ix.sk->type;
    std::vector<Slot> slots = design::slots_of(sk, e);
    std::string lit = sk.literal_prefix();
    if (!c) {
      if (lit.empty()) {
        kc.sk_attribute.clear();
        return;
      }
      kc.sk_op = KeyOp::BeginsWith;
      kc.sk = {{false, lit}};
      admits.push_back(design::parts_language(kc.sk, {}, true));
      return;
    }
    if (c->op == SkOp::Prefix) {
      kc.sk_op = KeyOp::BeginsWith;
      kc.sk = through(sk, c->prefix.size());
      parameters(sk, e, plan.parameters, c->prefix.size());
      admits.push_back(design::parts_language(kc.sk, slots, true));
      return;
    }
    static constexpr KeyOp kOps[] = {KeyOp::BeginsWith, KeyOp::Between, KeyOp::Lt, KeyOp::Le,
                                     KeyOp::Gt,         KeyOp::Ge,      KeyOp::Eq};
    kc.sk_op = kOps[static_cast<int>(c->op)];
    const EntityAttribute* a = e.attribute(c->attribute);
    AttributeType type = a ? key_type(a->type) : AttributeType::S;
    auto value = [&](const std::string& param) {
      std::vector<TemplatePart> v;
      if (!lit.empty()) v.push_back({false, lit});
      v.push_back({true, param});
      return v;
    };
    if (c->op == SkOp::Between) {
      kc.sk = value(c->attribute + "_start");
      kc.sk_end = value(c->attribute + "_end");
      plan.parameters.push_back({c->attribute + "_start", c->attribute, type});
      plan.parameters.push_back({c->attribute + "_end", c->attribute, type});
    } else {
      kc.sk = value(c->attribute);
      if (std::none_of(plan.parameters.begin(), plan.parameters.end(), [&](const auto& p) { return p.name == c->attribute; }))
        plan.parameters.push_back({c->attribute, c->attribute, type});
    }
    // A number sort key compares as numbers: some value of the parameter admits any item.
    if (ix.sk->type == AttributeType::N || slots.empty()) return;
    Slot slot = slots[0];
    // Over every value of the parameter: > and >= admit what is above the smallest value; < and
    // <= what is below some value, that is below a run of the slot's largest byte.
    bool above = c->op == SkOp::Gt || c->op == SkOp::Ge || c->op == SkOp::Between;
    bool below = c->op == SkOp::Lt || c->op == SkOp::Le || c->op == SkOp::Between;
    if (c->op == SkOp::Eq) admits.push_back(design::parts_language(kc.sk, slots));
    if (above) admits.push_back(design::at_least(lit + design::slot_min(slot), c->op == SkOp::Gt));
    if (below) admits.push_back(design::below_run(lit, design::slot_run(slot)));
  }

  // Entities other than `own` whose items a query of partition `pk` on `ix` with sort keys in
  // `admits` can read; a finding names each with a key it reads.
  std::vector<std::string> reads(const IndexInfo& ix, const KeyTemplate& pk_template, const Nfa& pk,
                                 const std::vector<Nfa>& admits,
                                 const std::vector<std::string>& own, const SourcePos& pos,
                                 std::vector<std::pair<std::string, std::string>>& witnesses) {
    std::vector<std::string> out;
    for (const auto& f : d_.entities) {
      if (std::find(own.begin(), own.end(), f.name) != own.end()) continue;
      const Placement* p = placement(f, ix);
      if (!p || literals_disagree(pk_template, *p->pk)) continue;
      auto wpk = common({&pk, &p->pk_lang}, pos);
      if (!wpk) continue;
      std::optional<std::string> wsk;
      if (ix.sk) {
        std::vector<const Nfa*> langs{&p->sk_lang};
        for (const auto& a : admits) langs.push_back(&a);
        if (!(wsk = common(langs, pos))) continue;
      }
      out.push_back(f.name);
      witnesses.emplace_back(*wpk, wsk.value_or(""));
    }
    return out;
  }

  void projection_notes(const Entity& e, const IndexInfo& ix, PatternPlan& plan) {
    if (ix.projection == Projection::All) return;
    std::vector<std::string> missing;
    for (const auto& a : e.attributes)
      if (ix.projection == Projection::KeysOnly ||
          std::find(ix.non_key->begin(), ix.non_key->end(), a.name) == ix.non_key->end())
        missing.push_back(a.name);
    bool no_type = ix.projection == Projection::KeysOnly ||
                   std::find(ix.non_key->begin(), ix.non_key->end(), "entity_type") == ix.non_key->end();
    if (no_type) missing.push_back("entity_type");
    if (missing.empty()) return;
    std::string msg = fmt::format("{}.{} queries {} ({}), which does not return {}", e.name, plan.name, ix.name,
                                  to_string(ix.projection), fmt::join(missing, ", "));
    if (no_type) msg += "; without entity_type PynamoDB cannot tell entity types apart";
    plan.notes.push_back(fmt::format("{} omits {}", ix.name, fmt::join(missing, ", ")));
    add(Severity::Info, "PROJECTION_OMITS", msg, plan.pos, {e.name}, ix.name, plan.name);
  }

  void pattern(const Entity& e, const AccessPattern& p) {
    PatternPlan plan;
    plan.entity = e.name;
    plan.name = p.name;
    plan.get = p.get;
    plan.entities = {e.name};
    plan.descending = p.descending;
    plan.pos = p.pos;
    plan.condition.index = p.index;
    const IndexInfo* ix = index(p.index);
    const Placement* at = ix ? placement(e, *ix) : nullptr;
    if (!ix || !at) {
      if (ix && !e.key(ix->name))
        add(Severity::Error, "INDEX_KEY_MISSING",
            fmt::format("{}.{} queries index {}, but {} has no keys there (add keys.{} to it)", e.name, p.name, p.index,
                        e.name, p.index),
            p.pos, {e.name}, p.index, p.name);
      out_.patterns.push_back(std::move(plan));
      return;
    }
    KeyCondition& kc = plan.condition;
    partition(plan, *ix, *at->pk, e);
    if (p.get) {
      if (at->sk) {
        kc.sk_attribute = ix->sk->name;
        kc.sk_type = ix->sk->type;
        kc.sk_op = KeyOp::Eq;
        kc.sk = at->sk->parts;
        parameters(*at->sk, e, plan.parameters);
      }
      out_.patterns.push_back(std::move(plan));
      return;
    }
    std::vector<Nfa> admits;
    if (ix->sk) sort_condition(e, *ix, *at->sk, p.sk, plan, admits);
    std::vector<std::pair<std::string, std::string>> witnesses;
    plan.also_reads = reads(*ix, *at->pk, at->pk_lang, admits, {e.name}, p.pos, witnesses);
    isolation(plan, *ix, witnesses);
    projection_notes(e, *ix, plan);
    for (const auto& f : d_.entities)
      if (const EntityKey* k = f.key(ix->name); k && k->sparse && ix->name != "table" &&
                                                  (&f == &e || std::count(plan.also_reads.begin(), plan.also_reads.end(), f.name)))
        plan.notes.push_back(fmt::format("{} is sparse on {}", f.name, ix->name));
    out_.patterns.push_back(std::move(plan));
  }

  void isolation(PatternPlan& plan, const IndexInfo& ix, const std::vector<std::pair<std::string, std::string>>& w) {
    if (plan.also_reads.empty()) return;
    std::sort(plan.also_reads.begin(), plan.also_reads.end());
    std::string owner = plan.collection ? fmt::format("collection {}", plan.name) : plan.entity + "." + plan.name;
    std::string example = ix.sk ? fmt::format("pk {} with sk {}", design::shown_key(w[0].first), design::shown_key(w[0].second))
                                : fmt::format("pk {}", design::shown_key(w[0].first));
    std::vector<std::string> entities = plan.entities;
    entities.insert(entities.end(), plan.also_reads.begin(), plan.also_reads.end());
    add(Severity::Warning, "QUERY_READS_OTHER_ENTITIES",
        fmt::format("{} ({}) also reads items of {} on {}, for example {}; they are read, counted by limit and "
                    "filtered out by entity_type. Give the sort keys distinct literal prefixes to separate them",
                    owner, plan.condition.text(), fmt::join(plan.also_reads, ", "), ix.name, example),
        plan.pos, entities, ix.name, plan.name, w[0].first, ix.sk ? std::optional<std::string>(w[0].second) : std::nullopt);
  }

  void collection(const Collection& c) {
    PatternPlan plan;
    plan.name = c.name;
    plan.collection = true;
    plan.entities = c.entities;
    plan.pos = c.pos;
    plan.condition.index = c.index;
    const IndexInfo* ix = index(c.index);
    if (!ix || c.entities.empty()) {
      out_.patterns.push_back(std::move(plan));
      return;
    }
    const Entity* first = nullptr;
    const Placement* first_at = nullptr;
    bool ok = true;
    for (const auto& name : c.entities) {
      const Entity* e = d_.entity(name);
      const Placement* at = e ? placement(*e, *ix) : nullptr;
      if (!e || !at) {
        add(Severity::Error, "INDEX_KEY_MISSING",
            fmt::format("collection {} queries index {}, but {} has no keys there", c.name, c.index, name), c.pos,
            {name}, c.index, c.name);
        ok = false;
        continue;
      }
      if (!first) {
        first = e;
        first_at = at;
      } else if (at->pk->source != first_at->pk->source) {
        add(Severity::Error, "COLLECTION_PK_MISMATCH",
            fmt::format("collection {} needs one partition key template on {}, but {} has {} and {} has {}", c.name,
                        c.index, first->name, first_at->pk->source, name, at->pk->source),
            c.pos, {first->name, name}, c.index, c.name);
        ok = false;
      }
    }
    if (!ok || !first) {
      out_.patterns.push_back(std::move(plan));
      return;
    }
    KeyCondition& kc = plan.condition;
    partition(plan, *ix, *first_at->pk, *first);
    std::vector<Nfa> admits;
    if (ix->sk) {
      // The literal prefix every listed entity's sort key starts with, when there is one.
      std::string shared;
      bool init = false;
      for (const auto& name : c.entities) {
        std::string lit = placement(*d_.entity(name), *ix)->sk->literal_prefix();
        if (!init) shared = lit;
        else shared.resize(std::mismatch(shared.begin(), shared.end(), lit.begin(), lit.end()).first - shared.begin());
        init = true;
      }
      if (!shared.empty()) {
        kc.sk_attribute = ix->sk->name;
        kc.sk_type = ix->sk->type;
        kc.sk_op = KeyOp::BeginsWith;
        kc.sk = {{false, shared}};
        admits.push_back(design::parts_language(kc.sk, {}, true));
      }
    }
    std::vector<std::pair<std::string, std::string>> witnesses;
    plan.also_reads = reads(*ix, *first_at->pk, first_at->pk_lang, admits, c.entities, c.pos, witnesses);
    isolation(plan, *ix, witnesses);
    out_.patterns.push_back(std::move(plan));
  }
};

std::string value_text(const std::vector<TemplatePart>& parts, AttributeType type) {
  std::string v;
  for (const auto& p : parts) v += p.placeholder ? "<" + p.text + ">" : p.text;
  return type == AttributeType::S ? "\"" + v + "\"" : v;
}

}  // namespace

std::string KeyCondition::text() const {
  if (pk_attribute.empty()) return "";
  std::string out = fmt::format("{} = {}", pk_attribute, value_text(pk, pk_type));
  if (sk_attribute.empty()) return out;
  std::string v = value_text(sk, sk_type);
  switch (sk_op) {
    case KeyOp::None: break;
    case KeyOp::BeginsWith: out += fmt::format(" AND begins_with({}, {})", sk_attribute, v); break;
    case KeyOp::Between:
      out += fmt::format(" AND {} BETWEEN {} AND {}", sk_attribute, v, value_text(sk_end, sk_type));
      break;
    default: {
      static constexpr const char* kOps[] = {"", "", "", "<", "<=", ">", ">=", "="};
      out += fmt::format(" AND {} {} {}", sk_attribute, kOps[static_cast<int>(sk_op)], v);
    }
  }
  return out;
}

DesignReview review_design(const Table& t) { return Reviewer(t).run(); }

}  // namespace ddbsynth
