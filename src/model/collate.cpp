#include "ddbsynth/collate.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unicode/ucol.h>

namespace ddbsynth {
namespace {

struct CloseCollator {
  void operator()(UCollator* c) const { ucol_close(c); }
};

// Set up as V8 sets up a default Intl.Collator (src/objects/js-collator.cc): ICU's defaults for
// the root locale plus normalization on and tertiary strength. Concurrent ucol_strcoll calls
// on one collator are safe.
const UCollator* collator() {
  static const std::unique_ptr<UCollator, CloseCollator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCollator, CloseCollator> coll(ucol_open("", &status));
    if (U_SUCCESS(status)) {
      ucol_setAttribute(coll.get(), UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
      ucol_setAttribute(coll.get(), UCOL_STRENGTH, UCOL_TERTIARY, &status);
    }
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU collator: ") + u_errorName(status));
    return coll;
  }();
  return c.get();
}

// JavaScript's array index: the canonical decimal form of an integer below 2^32 - 1.
std::optional<uint32_t> array_index(std::string_view s) {
  if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v >= 0xFFFFFFFFu) return std::nullopt;
  return static_cast<uint32_t>(v);
}

}  // namespace

bool locale_less(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8(collator(), a.data(), static_cast<int32_t>(a.size()), b.data(),
                                        static_cast<int32_t>(b.size()), &status);
  return U_SUCCESS(status) && r == UCOL_LESS;
}

void sort_tags_like_cdk(std::vector<std::pair<std::string, std::string>>& tags) {
  std::stable_sort(tags.begin(), tags.end(), [](const auto& x, const auto& y) {
    auto i = array_index(x.first), j = array_index(y.first);
    if (i && j) return *i < *j;
    return i.has_value() && !j.has_value();
  });
  std::stable_sort(tags.begin(), tags.end(), [](const auto& x, const auto& y) { return locale_less(x.first, y.first); });
}

}  // namespace ddbsynth
