// A shortest edit script between two sequences of lines (Myers' O(ND) algorithm, linear space).
#pragma once

#include <string_view>
#include <vector>

namespace ddbsynth::review {

// Splits text into lines, each keeping its '\n' (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text);

// The lines of `a` deleted and the lines of `b` inserted by a shortest edit script turning `a`
// into `b`; the unmarked lines of both, in order, are a longest common subsequence. Among
// equally short scripts it picks the one GNU diff shows; `horizon` is diff's context size.
struct LineDiff {
  std::vector<std::string_view> a, b;  // the lines (split_lines)
  std::vector<bool> deleted;           // by line of a
  std::vector<bool> inserted;          // by line of b
};
LineDiff diff_texts(std::string_view a, std::string_view b, int horizon);

}  // namespace ddbsynth::review
