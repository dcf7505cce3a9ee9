#include "review/line_diff.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <utility>

namespace ddbsynth::review {
namespace {

// Lines compare as small integers: equal lines share an id.
struct Interned {
  std::vector<int> a, b;
};

Interned intern(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::unordered_map<std::string_view, int> ids;
  Interned out;
  auto id = [&](std::string_view line) { return ids.emplace(line, static_cast<int>(ids.size())).first->second; };
  for (auto l : a) out.a.push_back(id(l));
  for (auto l : b) out.b.push_back(id(l));
  return out;
}

// Divide and conquer on the middle snake (Myers 1986, section 4b): each step finds a point on a
// shortest path by running the greedy search from both ends until the two frontiers overlap.
class Differ {
 public:
  Differ(const std::vector<int>& a, const std::vector<int>& b, LineDiff& out)
      : a_(a),
        b_(b),
        out_(out),
        offset_(static_cast<int>(a.size() + b.size()) + 2),
        forward_(2 * offset_ + 1),
        backward_(2 * offset_ + 1) {}

  void compare(int a0, int a1, int b0, int b1) {
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) ++a0, ++b0;
    while (a0 < a1 && b0 < b1 && a_[a1 - 1] == b_[b1 - 1]) --a1, --b1;
    if (a0 == a1) {
      for (int j = b0; j < b1; ++j) out_.inserted[j] = true;
    } else if (b0 == b1) {
      for (int i = a0; i < a1; ++i) out_.deleted[i] = true;
    } else {
      auto [x, y] = middle(a0, a1, b0, b1);
      compare(a0, x, b0, y);
      compare(x, a1, y, b1);
    }
  }

 private:
  // A point (x, y) on a shortest path from (a0, b0) to (a1, b1), strictly between the two ends.
  // Called only after common prefix and suffix were stripped, so the distance is at least 2.
  std::pair<int, int> middle(int a0, int a1, int b0, int b1) {
    const int n = a1 - a0, m = b1 - b0, delta = n - m;
    const bool odd = delta & 1;
    int* f = forward_.data() + offset_;   // f[k]: furthest x on diagonal k = x - y, from the start
    int* r = backward_.data() + offset_;  // r[k]: the same from the end, in reversed coordinates
    auto inside = [&](int k) { return k >= -m && k <= n; };
    for (int d = 0;; ++d) {
      for (int k = -d; k <= d; k += 2) {
        if (!inside(k)) continue;
        int x = furthest(f, k, d, n, m);
        int y = x - k;
        if (x >= 0)
          while (x < n && y < m && a_[a0 + x] == b_[b0 + y]) ++x, ++y;
        f[k] = x;
        int c = delta - k;  // this diagonal, seen from the end
        if (odd && x >= 0 && std::abs(c) <= d - 1 && inside(c) && r[c] >= 0 && x + r[c] >= n) return {a0 + x, b0 + y};
      }
      for (int k = -d; k <= d; k += 2) {
        if (!inside(k)) continue;
        int x = furthest(r, k, d, n, m);
        int y = x - k;
        if (x >= 0)
          while (x < n && y < m && a_[a1 - 1 - x] == b_[b1 - 1 - y]) ++x, ++y;
        r[k] = x;
        int c = delta - k;
        if (!odd && x >= 0 && std::abs(c) <= d && inside(c) && f[c] >= 0 && x + f[c] >= n) return {a1 - x, b1 - y};
      }
    }
  }

  // Where a path with one more edit than round d-1 first lands on diagonal k: one step down from
  // k+1 or right from k-1, whichever gets further without leaving the n x m rectangle; -1 when
  // neither can. Reads only diagonals written in round d-1, so the arrays need no clearing.
  static int furthest(const int* v, int k, int d, int n, int m) {
    if (d == 0) return 0;
    int best = -1;
    if (k + 1 <= d - 1 && k + 1 <= n && v[k + 1] >= 0 && v[k + 1] - k <= m) best = v[k + 1];
    if (k - 1 >= -(d - 1) && k - 1 >= -m && v[k - 1] >= 0 && v[k - 1] + 1 <= n) best = std::max(best, v[k - 1] + 1);
    return best;
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  LineDiff& out_;
  int offset_;
  std::vector<int> forward_, backward_;
};

// The lines runs may slide within: GNU diff leaves the texts' common prefix and suffix (found
// byte by byte) out of its analysis, all but `horizon` lines of each, and so bounds the sliding.
struct Window {
  int lo = 0, hi_a = 0, hi_b = 0;  // [lo, hi_a) of a, [lo, hi_b) of b
};

// Lines that start before byte `pos`.
int lines_before(std::string_view text, size_t pos) {
  int n = static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
  return n + (pos > 0 && text[pos - 1] != '\n' ? 1 : 0);
}

Window window(std::string_view a, std::string_view b, int horizon) {
  const size_t n0 = a.size(), n1 = b.size();
  size_t p = 0;
  while (p < n0 && p < n1 && a[p] == b[p]) ++p;
  if ((p == n0) != (p == n1) && p > 0) --p;  // a missing final newline is no part of the prefix
  for (int h = horizon; p > 0 && (a[p - 1] != '\n' || h-- > 0);) --p;
  Window w;
  w.lo = lines_before(a, p);
  size_t e0 = n0, e1 = n1;
  auto missing_newline = [](std::string_view t) { return !t.empty() && t.back() != '\n'; };
  if (missing_newline(a) == missing_newline(b)) {
    // The suffix may not reach back into the prefix of the shorter text.
    size_t stop = p + (n0 < n1 ? 0 : n0 - n1), p0 = n0, p1 = n1;
    while (p0 != stop)
      if (a[--p0] != b[--p1]) {
        ++p0, ++p1;
        break;
      }
    bool line_starts = (p0 == 0 || a[p0 - 1] == '\n') && (p1 == 0 || b[p1 - 1] == '\n');
    size_t from = p0;
    for (int i = horizon + !line_starts; i-- > 0 && p0 != n0;)
      while (p0 < n0 && a[p0++] != '\n') {
      }
    e0 = p0, e1 = p1 + (p0 - from);
  }
  w.hi_a = lines_before(a, e0), w.hi_b = lines_before(b, e1);
  return w;
}

// Where a run of changed lines can slide over identical lines (the line before the run equals its
// last line, or the line after it equals its first), the script is equally short either way.
// As GNU diff does, slide runs to merge with neighbouring runs, otherwise as far down as the
// window lets them, but back up to line up with a run in the other text when one is passed:
// reviewers then see the hunks `diff -u` shows.
void shift_runs(std::vector<bool>& changed, const std::vector<int>& ids, const std::vector<bool>& other, int lo, int hi,
                int other_hi) {
  auto is_changed = [&](int i) { return i >= lo && i < hi && changed[i]; };
  auto other_changed = [&](int j) { return j >= lo && j < other_hi && other[j]; };
  int i = lo, j = lo;  // j: the other text's line matching unchanged line i
  for (;;) {
    for (; i < hi && !changed[i]; ++i, ++j)
      while (other_changed(j)) ++j;
    if (i >= hi) break;
    int start = i;
    while (is_changed(++i)) {
    }
    while (other_changed(j)) ++j;
    int length, aligned;  // aligned: run end at which a run of the other text also ends, hi if none
    do {
      length = i - start;
      while (start > lo && ids[start - 1] == ids[i - 1]) {
        changed[--start] = true, changed[--i] = false;
        while (is_changed(start - 1)) --start;
        while (other_changed(--j)) {
        }
      }
      aligned = other_changed(j - 1) ? i : hi;
      while (i < hi && ids[start] == ids[i]) {
        changed[start++] = false, changed[i++] = true;
        while (is_changed(i)) ++i;
        while (other_changed(++j)) aligned = i;
      }
    } while (length != i - start);
    while (aligned < i) {
      changed[--start] = true, changed[--i] = false;
      while (other_changed(--j)) {
      }
    }
  }
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

LineDiff diff_texts(std::string_view a_text, std::string_view b_text, int horizon) {
  LineDiff out;
  out.a = split_lines(a_text), out.b = split_lines(b_text);
  out.deleted.resize(out.a.size()), out.inserted.resize(out.b.size());
  Interned ids = intern(out.a, out.b);
  Differ(ids.a, ids.b, out).compare(0, static_cast<int>(out.a.size()), 0, static_cast<int>(out.b.size()));
  Window w = window(a_text, b_text, horizon);
  shift_runs(out.deleted, ids.a, out.inserted, w.lo, w.hi_a, w.hi_b);
  shift_runs(out.inserted, ids.b, out.deleted, w.lo, w.hi_b, w.hi_a);
  return out;
}

}  // namespace ddbsynth::review
