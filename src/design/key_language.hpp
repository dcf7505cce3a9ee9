// Key templates and sort key conditions as regular languages over bytes, and the exact test of
// whether several of them share a string (with the shortest such string as a witness).
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbsynth/design.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth::design {

using ByteSet = std::bitset<256>;

// A nondeterministic automaton over bytes. An edge with no bytes is an epsilon move.
struct Nfa {
  struct Edge {
    ByteSet bytes;
    bool epsilon = false;
    int to = 0;
  };
  std::vector<std::vector<Edge>> edges;  // by state; state 0 is the start
  std::vector<bool> accepting;

  int add_state(bool accept = false);
  void add(int from, int to, const ByteSet& bytes) { edges[from].push_back({bytes, false, to}); }
  void add_epsilon(int from, int to) { edges[from].push_back({{}, true, to}); }
};

// What a placeholder can hold. Inside text an S placeholder holds one or more bytes other than
// '#' (the generated code refuses '#'), an N placeholder a decimal number; a bare placeholder is
// the whole key and holds any non-empty value of its type.
enum class Slot { Text, Number, Any };

// The slot of each placeholder of `t` in order, its attribute's type taken from `e`.
std::vector<Slot> slots_of(const KeyTemplate& t, const Entity& e);

// The values of `parts`, the i-th placeholder holding values of slots[i]; with `then_anything`,
// every string that begins with one of them (what begins_with admits).
Nfa parts_language(std::span<const TemplatePart> parts, std::span<const Slot> slots, bool then_anything = false);
// The strings s with s >= v (or s > v when `strict`), compared as DynamoDB compares S: by bytes.
Nfa at_least(std::string_view v, bool strict);
// The strings below some string `v` + c c c ... : what `< v+x` admits over every x of a slot
// whose values reach no higher than runs of `c`.
Nfa below_run(std::string_view v, unsigned char c);

// The smallest value and the byte whose runs bound the values of a slot (see below_run).
std::string slot_min(Slot s);
unsigned char slot_run(Slot s);

// A shortest string every automaton accepts (one to three of them), or nothing. Explores at most
// `budget` product states; past it, throws TooComplex.
struct TooComplex {};
// `explored`, when given, is increased by the product states visited.
std::optional<std::string> common_string(std::span<const Nfa* const> languages, size_t budget = 400'000,
                                         size_t* explored = nullptr);

// `s` for a message: printable ASCII as is, other bytes as \xNN unless they form UTF-8 text.
std::string shown_key(std::string_view s);

}  // namespace ddbsynth::design
