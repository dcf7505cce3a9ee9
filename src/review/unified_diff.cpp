#include "review/unified_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "review/line_diff.hpp"

namespace ddbsynth::review {
namespace {

// A run of changed lines: a[a0, a1) replaced by b[b0, b1).
struct Block {
  int a0, a1, b0, b1;
};

std::vector<Block> blocks_of(const LineDiff& d) {
  std::vector<Block> out;
  int i = 0, j = 0;
  const int n = static_cast<int>(d.deleted.size()), m = static_cast<int>(d.inserted.size());
  while (i < n || j < m) {
    if (i < n && j < m && !d.deleted[i] && !d.inserted[j]) {
      ++i, ++j;
      continue;
    }
    Block b{i, i, j, j};
    while (b.a1 < n && d.deleted[b.a1]) ++b.a1;
    while (b.b1 < m && d.inserted[b.b1]) ++b.b1;
    out.push_back(b);
    i = b.a1, j = b.b1;
  }
  return out;
}

// "start,count" as diff -u writes a range: count 1 is left out, and an empty range names the
// line before it.
std::string range(int lo, int hi) {
  int count = hi - lo;
  if (count == 1) return fmt::format("{}", lo + 1);
  return fmt::format("{},{}", count == 0 ? lo : lo + 1, count);
}

struct Colors {
  const char *header, *hunk, *del, *ins, *reset;
};
constexpr Colors kPlain{"", "", "", "", ""};
constexpr Colors kAnsi{"\033[1m", "\033[36m", "\033[31m", "\033[32m", "\033[0m"};

void line(std::string& out, const Colors& c, char mark, std::string_view text) {
  const char* color = mark == '-' ? c.del : mark == '+' ? c.ins : "";
  bool eol = !text.empty() && text.back() == '\n';
  if (eol) text.remove_suffix(1);
  out += color;
  out += mark;
  out += text;
  if (*color) out += c.reset;
  out += '\n';
  if (!eol) out += "\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, const DiffStyle& style) {
  if (old_text == new_text) return {};
  LineDiff d = diff_texts(old_text, new_text, style.context);
  const auto &a = d.a, &b = d.b;
  auto blocks = blocks_of(d);
  const Colors& c = style.color ? kAnsi : kPlain;
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size()), ctx = style.context;

  std::string out = fmt::format("{}--- {}{}\n{}+++ {}{}\n", c.header, old_label, c.reset, c.header, new_label, c.reset);
  for (size_t first = 0; first < blocks.size();) {
    // Blocks whose unchanged gap is at most twice the context share a hunk.
    size_t last = first;
    while (last + 1 < blocks.size() && blocks[last + 1].a0 - blocks[last].a1 <= 2 * ctx) ++last;
    int lead = std::min(ctx, blocks[first].a0), trail = std::min(ctx, n - blocks[last].a1);
    int a_lo = blocks[first].a0 - lead, a_hi = blocks[last].a1 + trail;
    int b_lo = blocks[first].b0 - lead, b_hi = std::min(m, blocks[last].b1 + trail);
    out += fmt::format("{}@@ -{} +{} @@{}\n", c.hunk, range(a_lo, a_hi), range(b_lo, b_hi), c.reset);
    int i = a_lo;
    for (size_t k = first; k <= last; ++k) {
      const Block& blk = blocks[k];
      for (; i < blk.a0; ++i) line(out, c, ' ', a[i]);
      for (int x = blk.a0; x < blk.a1; ++x) line(out, c, '-', a[x]);
      for (int y = blk.b0; y < blk.b1; ++y) line(out, c, '+', b[y]);
      i = blk.a1;
    }
    for (; i < a_hi; ++i) line(out, c, ' ', a[i]);
    first = last + 1;
  }
  return out;
}

}  // namespace ddbsynth::review
