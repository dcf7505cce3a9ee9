// The template intersection against brute force: thousands of random template pairs, every
// string of up to 5 characters over a small alphabet, membership decided by a matcher written
// independently of the automata.
#include <gtest/gtest.h>

#include <random>

#include "design/key_language.hpp"

using namespace ddbsynth;
using namespace ddbsynth::design;

namespace {

constexpr std::string_view kAlphabet = "a#1-.";
constexpr size_t kMaxLen = 5;

struct Piece {
  bool slot = false;
  Slot kind = Slot::Text;
  std::string text;
};

// A number as the generated code writes one: -?[0-9]+(\.[0-9]+)?
bool is_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (!digits) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  ++i;
  size_t frac = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac;
  return frac && i == s.size();
}

bool slot_holds(Slot k, std::string_view v) {
  if (v.empty()) return false;
  if (k == Slot::Number) return is_number(v);
  if (k == Slot::Text) return v.find('#') == std::string_view::npos;
  return true;
}

// Backtracking over every split: slow, obviously right.
bool matches(const std::vector<Piece>& t, size_t i, std::string_view s) {
  if (i == t.size()) return s.empty();
  const Piece& p = t[i];
  if (!p.slot) return s.starts_with(p.text) && matches(t, i + 1, s.substr(p.text.size()));
  for (size_t n = 1; n <= s.size(); ++n)
    if (slot_holds(p.kind, s.substr(0, n)) && matches(t, i + 1, s.substr(n))) return true;
  return false;
}

std::vector<Piece> random_template(std::mt19937& rng) {
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::vector<Piece> t;
  if (pick(6) == 0) return {{true, pick(2) ? Slot::Any : Slot::Number, ""}};  // a bare placeholder
  size_t parts = 1 + pick(3);
  bool last_slot = false;
  for (size_t i = 0; i < parts; ++i) {
    if (!last_slot && pick(2)) {
      t.push_back({true, pick(3) ? Slot::Text : Slot::Number, ""});
      last_slot = true;
    } else {
      std::string lit;
      for (size_t n = 1 + pick(2); n; --n) lit += kAlphabet[pick(kAlphabet.size())];
      t.push_back({false, Slot::Text, lit});
      last_slot = false;
    }
  }
  return t;
}

Nfa language(const std::vector<Piece>& t) {
  std::vector<TemplatePart> parts;
  std::vector<Slot> slots;
  for (const auto& p : t) {
    parts.push_back({p.slot, p.slot ? "x" : p.text});
    if (p.slot) slots.push_back(p.kind);
  }
  return parts_language(parts, slots);
}

std::string show(const std::vector<Piece>& t) {
  static const char* kSlot[] = {"{text}", "{number}", "{any}"};
  std::string out;
  for (const auto& p : t) out += p.slot ? kSlot[static_cast<int>(p.kind)] : p.text;
  return out;
}

// Runs the automaton on `s` directly: the set of states after each byte, closed under epsilon.
bool accepts(const Nfa& n, std::string_view s) {
  std::vector<bool> cur(n.edges.size());
  auto close = [&](std::vector<bool>& set) {
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t q = 0; q < set.size(); ++q)
        if (set[q])
          for (const auto& e : n.edges[q])
            if (e.epsilon && !set[e.to]) set[e.to] = grew = true;
    }
  };
  cur[0] = true;
  close(cur);
  for (unsigned char c : s) {
    std::vector<bool> next(n.edges.size());
    for (size_t q = 0; q < cur.size(); ++q)
      if (cur[q])
        for (const auto& e : n.edges[q])
          if (!e.epsilon && e.bytes.test(c)) next[e.to] = true;
    close(next);
    cur = std::move(next);
  }
  for (size_t q = 0; q < cur.size(); ++q)
    if (cur[q] && n.accepting[q]) return true;
  return false;
}

std::vector<std::string> all_strings() {
  std::vector<std::string> out{""};
  for (size_t begin = 0, len = 1; len <= kMaxLen; ++len) {
    size_t end = out.size();
    for (size_t i = begin; i < end; ++i)
      for (char c : kAlphabet) out.push_back(out[i] + c);
    begin = end;
  }
  return out;  // by length, so the first shared string found is a shortest one
}

}  // namespace

TEST(KeyLanguage, IntersectionAgreesWithBruteForce) {
  const auto strings = all_strings();
  std::mt19937 rng(20261204);
  int intersecting = 0;
  for (int round = 0; round < 3000; ++round) {
    auto a = random_template(rng), b = random_template(rng);
    Nfa la = language(a), lb = language(b);
    const Nfa* both[] = {&la, &lb};
    auto witness = common_string(both);
    std::optional<std::string> brute;
    for (const auto& s : strings)
      if (matches(a, 0, s) && matches(b, 0, s)) {
        brute = s;
        break;
      }
    SCOPED_TRACE(show(a) + " vs " + show(b));
    if (witness) {
      ++intersecting;
      EXPECT_TRUE(matches(a, 0, *witness) && matches(b, 0, *witness)) << "witness " << *witness;
      // The witness is a shortest shared string: brute force finds one of its length, or none
      // when it is longer than the strings enumerated.
      if (witness->size() <= kMaxLen) {
        ASSERT_TRUE(brute) << "witness " << *witness;
        EXPECT_EQ(brute->size(), witness->size());
      } else {
        EXPECT_FALSE(brute) << *brute;
      }
    } else {
      EXPECT_FALSE(brute) << "missed " << *brute;
    }
  }
  // Both outcomes are well represented, so neither branch above is vacuous.
  EXPECT_GT(intersecting, 300);
  EXPECT_LT(intersecting, 2700);
}

TEST(KeyLanguage, RangesAgreeWithByteComparison) {
  const auto strings = all_strings();
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string v;
    for (size_t n = std::uniform_int_distribution<size_t>(0, 3)(rng); n; --n)
      v += kAlphabet[std::uniform_int_distribution<size_t>(0, kAlphabet.size() - 1)(rng)];
    char run = kAlphabet[std::uniform_int_distribution<size_t>(0, kAlphabet.size() - 1)(rng)];
    Nfa ge = at_least(v, false), gt = at_least(v, true), lt = below_run(v, static_cast<unsigned char>(run));
    for (const auto& s : strings) {
      // below_run(v, c): below v + c^k for some k, i.e. below v followed by a long run of c.
      std::string far = v + std::string(kMaxLen + 2, run);
      ASSERT_EQ(accepts(ge, s), s >= v) << v << " " << s;
      ASSERT_EQ(accepts(gt, s), s > v) << v << " " << s;
      ASSERT_EQ(accepts(lt, s), s < far) << v << " run " << run << " " << s;
    }
  }
}

TEST(KeyLanguage, WitnessesReadWell) {
  KeyTemplate order{"ORDER#{id}", {{false, "ORDER#"}, {true, "id"}}, {}};
  KeyTemplate any{"{id}", {{true, "id"}}, {}};
  Slot text[] = {Slot::Text}, anyslot[] = {Slot::Any};
  Nfa a = parts_language(order.parts, text), b = parts_language(any.parts, anyslot);
  const Nfa* both[] = {&a, &b};
  EXPECT_EQ(common_string(both), "ORDER#x");
  KeyTemplate item{"ORDER#{id}#ITEM#{item}", {{false, "ORDER#"}, {true, "id"}, {false, "#ITEM#"}, {true, "item"}}, {}};
  Slot two[] = {Slot::Text, Slot::Text};
  Nfa c = parts_language(item.parts, two);
  const Nfa* disjoint[] = {&a, &c};
  EXPECT_FALSE(common_string(disjoint));  // '#' separates segments
}

TEST(KeyLanguage, BudgetStopsHugeProducts) {
  std::vector<TemplatePart> parts;
  std::vector<Slot> slots;
  for (int i = 0; i < 30; ++i) {
    parts.push_back({true, "p"});
    parts.push_back({false, std::string(60, 'a' + i % 3)});
    slots.push_back(Slot::Text);
  }
  Nfa a = parts_language(parts, slots), b = parts_language(parts, slots);
  const Nfa* both[] = {&a, &b};
  EXPECT_THROW(common_string(both, 1000), TooComplex);
}
