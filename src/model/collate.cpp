#include "ddbsynth/collate.hpp"

#include <array>
#include <string>
#include <vector>

namespace ddbsynth {
namespace {

// ASCII in ICU root collation order at primary strength: white space, punctuation and symbols,
// digits, then letters with case ignored (case only breaks ties, lowercase first).
constexpr std::string_view kOrder =
    " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

struct Weights {
  std::array<int, 128> primary{};
  std::array<int, 128> tertiary{};
  Weights() {
    int w = 1;
    for (size_t i = 0; i < kOrder.size(); ++i) {
      unsigned char c = kOrder[i];
      bool upper = c >= 'A' && c <= 'Z';
      if (!upper) ++w;
      primary[c] = w;
      tertiary[c] = upper ? 1 : 0;
    }
  }
};

const Weights& weights() {
  static const Weights w;
  return w;
}

// Decodes UTF-8 into code points; the validated config holds only valid UTF-8.
std::vector<unsigned> code_points(std::string_view s) {
  std::vector<unsigned> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

int primary(unsigned cp) { return cp < 128 ? weights().primary[cp] : 1000 + static_cast<int>(cp); }
int tertiary(unsigned cp) { return cp < 128 ? weights().tertiary[cp] : 0; }

}  // namespace

bool locale_less(std::string_view a, std::string_view b) {
  auto x = code_points(a), y = code_points(b);
  for (auto level : {primary, tertiary}) {
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      int p = level(x[i]), q = level(y[i]);
      if (p != q) return p < q;
    }
    if (x.size() != y.size()) return x.size() < y.size();
  }
  return a < b;
}

}  // namespace ddbsynth
