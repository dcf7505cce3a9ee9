// The unified diff against GNU diff: same bytes on crafted inputs; on random ones, where equally
// short scripts abound and either may be chosen, a valid patch as short as `diff --minimal`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "review/unified_diff.hpp"

namespace fs = std::filesystem;
using ddbsynth::review::DiffStyle;
using ddbsynth::review::unified_diff;

namespace {

fs::path scratch() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ddbsynth-review-diff-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// GNU diff's output for the two texts, labelled "old" and "new".
std::string gnu_diff(const std::string& a, const std::string& b, const std::string& flags = "") {
  write(scratch() / "a", a);
  write(scratch() / "b", b);
  std::string cmd =
      "diff -u " + flags + " --label old --label new " + (scratch() / "a").string() + " " + (scratch() / "b").string();
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string::npos ? s.size() : nl + 1;
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

// Applies a unified diff to `old_text`, checking every hunk header and context line on the way.
std::string apply_patch(const std::string& old_text, const std::string& diff) {
  auto old_lines = lines_of(old_text);
  auto d = lines_of(diff);
  std::string out;
  size_t next = 0;  // first old line not yet copied
  static const std::regex kHunk(R"(@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n)");
  size_t k = 2;
  EXPECT_GE(d.size(), 2u);
  while (k < d.size()) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(d[k], m, kHunk)) << d[k];
    if (m.empty()) return "";
    size_t a_start = std::stoul(m[1]), a_len = m[2].matched ? std::stoul(m[2]) : 1;
    size_t b_len = m[4].matched ? std::stoul(m[4]) : 1;
    size_t first = a_len == 0 ? a_start : a_start - 1;
    EXPECT_GE(first, next);
    for (; next < first; ++next) out += old_lines[next];
    size_t seen_a = 0, seen_b = 0;
    for (++k; k < d.size() && d[k].rfind("@@", 0) != 0; ++k) {
      std::string body = d[k].substr(1);
      if (k + 1 < d.size() && d[k + 1] == "\\ No newline at end of file\n") body.pop_back();
      char mark = d[k][0];
      if (mark == '\\') continue;
      if (mark == ' ' || mark == '-') {
        EXPECT_EQ(old_lines.at(next), body);
        ++next, ++seen_a;
      }
      if (mark == ' ' || mark == '+') out += body, ++seen_b;
    }
    EXPECT_EQ(seen_a, a_len);
    EXPECT_EQ(seen_b, b_len);
  }
  for (; next < old_lines.size(); ++next) out += old_lines[next];
  return out;
}

int count_marked(const std::string& diff, char mark) {
  int n = 0;
  auto ls = lines_of(diff);
  for (size_t i = 2; i < ls.size(); ++i) n += ls[i][0] == mark;
  return n;
}

std::string numbered(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "line " + std::to_string(i) + "\n";
  return s;
}

}  // namespace

TEST(ReviewDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("", "", "a", "b"), "");
  EXPECT_EQ(unified_diff("x\ny\n", "x\ny\n", "a", "b"), "");
}

TEST(ReviewDiff, HunkHeadersAndContext) {
  std::string a = numbered(1, 20), b = a;
  b.replace(b.find("line 10\n"), 8, "line ten\n");
  EXPECT_EQ(unified_diff(a, b, "old", "new"),
            "--- old\n+++ new\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+line ten\n line 11\n"
            " line 12\n line 13\n");
  // Adding to an empty text: the old range is empty and names line 0.
  EXPECT_EQ(unified_diff("", "x\n", "old", "new"), "--- old\n+++ new\n@@ -0,0 +1 @@\n+x\n");
  EXPECT_EQ(unified_diff("x\ny\n", "", "old", "new"), "--- old\n+++ new\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}

TEST(ReviewDiff, MatchesGnuDiffOnCraftedInputs) {
  std::string base = numbered(1, 40);
  auto edit = [&](std::initializer_list<std::pair<std::string, std::string>> subs) {
    std::string s = base;
    for (auto& [from, to] : subs) s.replace(s.find(from), from.size(), to);
    return s;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {base, edit({{"line 10\n", "changed\n"}})},
      {base, edit({{"line 10\n", "x\n"}, {"line 17\n", "y\n"}})},  // 6 lines apart: one hunk
      {base, edit({{"line 10\n", "x\n"}, {"line 18\n", "y\n"}})},  // 7 lines apart: two hunks
      {base, "new first\n" + base},
      {base, base + "new last\n"},
      {base, edit({{"line 1\n", ""}, {"line 40\n", ""}})},
      {base, base.substr(0, base.size() - 1)},  // final newline removed
      {base.substr(0, base.size() - 1), base},  // and added
      {"a\nb\nc", "a\nB\nc"},                   // both without one
      {"", base},
      {base, ""},
      {"a\nb\nc\n", "x\ny\nz\n"},
      {"p\nq\nr\ns\nA\nB\nC\nD\n", "p\nq\nr\ns\nA\nB\nC\nX\nY\nA\nB\nC\nD\n"},  // slides to the last place
      {"{\n  a,\n  b\n}\n{\n  c\n}\n", "{\n  a,\n  b\n}\n{\n  x\n}\n{\n  c\n}\n"},
      {edit({{"line 20\n", "}\n"}}), edit({{"line 20\n", "}\n},\n{\n  more\n}\n"}})},
  };
  for (const auto& [a, b] : cases) {
    EXPECT_EQ(unified_diff(a, b, "old", "new"), gnu_diff(a, b)) << "old:\n" << a << "\nnew:\n" << b;
  }
}

TEST(ReviewDiff, RandomInputsAreMinimalValidPatches) {
  std::mt19937 rng(20261125);
  const char* alphabet[] = {"a\n", "b\n", "c\n", "}\n", "  },\n", "\n"};
  auto random_text = [&] {
    std::string s;
    int n = std::uniform_int_distribution<>(0, 25)(rng);
    for (int i = 0; i < n; ++i) s += alphabet[std::uniform_int_distribution<>(0, 5)(rng)];
    if (!s.empty() && rng() % 5 == 0) s.pop_back();  // sometimes no final newline
    return s;
  };
  for (int i = 0; i < 200; ++i) {
    std::string a = random_text(), b = random_text();
    std::string ours = unified_diff(a, b, "old", "new");
    if (a == b) {
      EXPECT_EQ(ours, "");
      continue;
    }
    EXPECT_EQ(apply_patch(a, ours), b) << ours;
    // As short as GNU diff's guaranteed-minimal script.
    std::string minimal = gnu_diff(a, b, "--minimal");
    EXPECT_EQ(count_marked(ours, '-'), count_marked(minimal, '-')) << ours << "\nvs\n" << minimal;
    EXPECT_EQ(count_marked(ours, '+'), count_marked(minimal, '+')) << ours << "\nvs\n" << minimal;
  }
}

TEST(ReviewDiff, ContextSizeAndColour) {
  std::string a = numbered(1, 9), b = a;
  b.replace(b.find("line 5\n"), 7, "five\n");
  EXPECT_EQ(unified_diff(a, b, "o", "n", DiffStyle{1, false}),
            "--- o\n+++ n\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+five\n line 6\n");
  std::string colored = unified_diff(a, b, "o", "n", DiffStyle{1, true});
  EXPECT_NE(colored.find("\033[31m-line 5\033[0m\n"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\033[32m+five\033[0m\n"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\033[36m@@ -4,3 +4,3 @@\033[0m\n"), std::string::npos) << colored;
  EXPECT_EQ(std::regex_replace(colored, std::regex("\033\\[[0-9;]*m"), ""),
            unified_diff(a, b, "o", "n", DiffStyle{1, false}));
}
