// Why this is exact: each template is a regular language, built here as an automaton over bytes
// with no approximation (a placeholder inside text is [^#]+ or a decimal number, a bare one any
// non-empty value), and common_string() walks the product of the automata: a product state is
// reachable exactly when some string leads every automaton to its component, so an accepting
// product state is reachable iff the languages share a string. The walk is a 0-1 BFS (epsilon
// moves cost nothing), so the witness it rebuilds is a shortest shared string.
//
// Bytes, not code points: '#' and every literal are whole UTF-8 sequences, and a byte chosen for
// a position that no literal fixes is ASCII, so a witness is always valid UTF-8, and two
// languages share a byte string iff they share a valid UTF-8 string. DynamoDB orders S keys by
// their UTF-8 bytes, so the range languages (at_least, below_run) are exact in bytes too.
#include "design/key_language.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <deque>
#include <unordered_map>

namespace ddbsynth::design {
namespace {

ByteSet all_bytes() { return ByteSet().set(); }

ByteSet one(unsigned char c) {
  ByteSet b;
  b.set(c);
  return b;
}

ByteSet range(int lo, int hi) {  // inclusive; empty when lo > hi
  ByteSet b;
  for (int c = lo; c <= hi; ++c) b.set(static_cast<size_t>(c));
  return b;
}

ByteSet not_hash() { return all_bytes().reset('#'); }
ByteSet digits() { return range('0', '9'); }

// Appends the language of one slot after state `from`; returns the state where it ends.
int append_slot(Nfa& n, int from, Slot s) {
  switch (s) {
    case Slot::Text:
    case Slot::Any: {
      ByteSet bytes = s == Slot::Text ? not_hash() : all_bytes();
      int loop = n.add_state();
      n.add(from, loop, bytes);
      n.add(loop, loop, bytes);
      return loop;
    }
    case Slot::Number: {  // -?[0-9]+(\.[0-9]+)?
      int sign = n.add_state();
      n.add_epsilon(from, sign);
      n.add(from, sign, one('-'));
      int whole = n.add_state();
      n.add(sign, whole, digits());
      n.add(whole, whole, digits());
      int dot = n.add_state();
      n.add(whole, dot, one('.'));
      int frac = n.add_state();
      n.add(dot, frac, digits());
      n.add(frac, frac, digits());
      int end = n.add_state();
      n.add_epsilon(whole, end);
      n.add_epsilon(frac, end);
      return end;
    }
  }
  return from;
}

int append_text(Nfa& n, int from, std::string_view text) {
  for (unsigned char c : text) {
    int next = n.add_state();
    n.add(from, next, one(c));
    from = next;
  }
  return from;
}

// The byte to show for a position any of `bytes` could fill: readable first.
unsigned char pick(const ByteSet& bytes) {
  static constexpr std::string_view kPreferred =
      "x0123456789abcdefghijklmnopqrstuvwyzABCDEFGHIJKLMNOPQRSTUVWXYZ-._:/ ";
  for (char c : kPreferred)
    if (bytes.test(static_cast<unsigned char>(c))) return static_cast<unsigned char>(c);
  for (size_t c = 0x21; c < 0x7f; ++c)
    if (bytes.test(c)) return static_cast<unsigned char>(c);
  for (size_t c = 0; c < 256; ++c)
    if (bytes.test(c)) return static_cast<unsigned char>(c);
  return 0;
}

// A product state as one number: up to three automata of fewer than 2^21 states each.
uint64_t pack(const std::vector<int>& t) {
  uint64_t key = 0;
  for (int x : t) key = (key << 21) | static_cast<uint64_t>(x);
  return key;
}

}  // namespace

int Nfa::add_state(bool accept) {
  edges.emplace_back();
  accepting.push_back(accept);
  return static_cast<int>(edges.size()) - 1;
}

std::vector<Slot> slots_of(const KeyTemplate& t, const Entity& e) {
  std::vector<Slot> out;
  for (const auto& p : t.parts) {
    if (!p.placeholder) continue;
    const EntityAttribute* a = e.attribute(p.text);
    bool number = a && a->type == ItemType::N;
    if (t.bare()) out.push_back(number ? Slot::Number : Slot::Any);
    else out.push_back(number ? Slot::Number : Slot::Text);
  }
  return out;
}

Nfa parts_language(std::span<const TemplatePart> parts, std::span<const Slot> slots, bool then_anything) {
  Nfa n;
  int at = n.add_state();
  size_t slot = 0;
  for (const auto& p : parts) {
    if (p.placeholder) at = append_slot(n, at, slot < slots.size() ? slots[slot++] : Slot::Text);
    else at = append_text(n, at, p.text);
  }
  n.accepting[at] = true;
  if (then_anything) n.add(at, at, all_bytes());
  return n;
}

Nfa at_least(std::string_view v, bool strict) {
  Nfa n;
  std::vector<int> equal{n.add_state()};
  for (size_t i = 0; i < v.size(); ++i) equal.push_back(n.add_state());
  int greater = n.add_state(true);
  n.add(greater, greater, all_bytes());
  for (size_t i = 0; i < v.size(); ++i) {
    auto c = static_cast<unsigned char>(v[i]);
    n.add(equal[i], equal[i + 1], one(c));
    if (c < 255) n.add(equal[i], greater, range(c + 1, 255));
  }
  // Equal to v so far: v itself is not above v, and anything longer is.
  n.accepting[equal.back()] = !strict;
  n.add(equal.back(), greater, all_bytes());
  return n;
}

Nfa below_run(std::string_view v, unsigned char c) {
  Nfa n;
  std::vector<int> equal{n.add_state(true)};
  for (size_t i = 0; i < v.size(); ++i) equal.push_back(n.add_state(true));  // a proper prefix is below
  int below = n.add_state(true);
  n.add(below, below, all_bytes());
  for (size_t i = 0; i < v.size(); ++i) {
    auto b = static_cast<unsigned char>(v[i]);
    n.add(equal[i], equal[i + 1], one(b));
    if (b > 0) n.add(equal[i], below, range(0, b - 1));
  }
  // After v: a run of c stays below a longer run; a smaller byte is below for good.
  int run = equal.back();
  n.add(run, run, one(c));
  if (c > 0) n.add(run, below, range(0, c - 1));
  return n;
}

std::string slot_min(Slot s) { return s == Slot::Number ? "-0" : std::string(1, '\0'); }
unsigned char slot_run(Slot s) { return s == Slot::Number ? '9' : 0xff; }

std::optional<std::string> common_string(std::span<const Nfa* const> languages, size_t budget, size_t* explored) {
  if (languages.empty()) return std::string();
  if (languages.size() > 3) throw TooComplex{};
  for (const Nfa* n : languages)
    if (n->edges.size() >= (1u << 21)) throw TooComplex{};
  using Tuple = std::vector<int>;
  struct Visit {
    size_t parent = 0;
    int byte = -1;  // -1: reached by an epsilon move
    size_t dist = 0;
    bool done = false;
  };
  std::vector<Tuple> states;
  std::vector<Visit> how;
  std::unordered_map<uint64_t, size_t> index;
  std::deque<size_t> queue;
  auto reach = [&](const Tuple& t, size_t parent, int byte, size_t dist) {
    auto [it, fresh] = index.try_emplace(pack(t), states.size());
    size_t id = it->second;
    if (fresh) {
      if (states.size() >= budget) throw TooComplex{};
      if (explored) ++*explored;
      states.push_back(t);
      how.push_back({parent, byte, dist, false});
    } else if (how[id].done || how[id].dist <= dist) {
      return;
    } else {
      how[id] = {parent, byte, dist, false};
    }
    if (byte < 0) queue.push_front(id);
    else queue.push_back(id);
  };
  reach(Tuple(languages.size(), 0), 0, -1, 0);
  while (!queue.empty()) {
    size_t at = queue.front();
    queue.pop_front();
    if (how[at].done) continue;
    how[at].done = true;
    const Tuple cur = states[at];
    const size_t dist = how[at].dist;
    bool accept = true;
    for (size_t k = 0; k < cur.size() && accept; ++k) accept = languages[k]->accepting[cur[k]];
    if (accept) {
      std::string out;
      for (size_t s = at; s != 0; s = how[s].parent)
        if (how[s].byte >= 0) out += static_cast<char>(how[s].byte);
      return std::string(out.rbegin(), out.rend());
    }
    for (size_t k = 0; k < cur.size(); ++k)
      for (const auto& e : languages[k]->edges[cur[k]])
        if (e.epsilon) {
          Tuple next = cur;
          next[k] = e.to;
          reach(next, at, -1, dist);
        }
    // A move on a byte: every automaton takes one edge, and the edges' byte sets must meet.
    Tuple next = cur;
    auto descend = [&](auto& self, size_t k, const ByteSet& common) -> void {
      if (common.none()) return;
      if (k == cur.size()) {
        reach(next, at, pick(common), dist + 1);
        return;
      }
      for (const auto& e : languages[k]->edges[cur[k]]) {
        if (e.epsilon) continue;
        next[k] = e.to;
        self(self, k + 1, common & e.bytes);
      }
      next[k] = cur[k];
    };
    descend(descend, 0, all_bytes());
  }
  return std::nullopt;
}

std::string shown_key(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) out += static_cast<char>(c);
    else if (c >= 0x80) out += static_cast<char>(c);  // UTF-8 text from the config's literals
    else out += fmt::format("\\x{:02x}", c);
  }
  return out;
}

}  // namespace ddbsynth::design
