// The catalogue of plan finding codes: documented in `plan --help`, listed as SARIF rules.
#pragma once

#include <span>
#include <string_view>

#include "review/plan.hpp"

namespace ddbsynth::review {

struct FindingCode {
  std::string_view code;
  Severity severity;  // usual severity; a few errors become infos when the table is new anyway
  std::string_view summary;
};

std::span<const FindingCode> finding_codes();
const FindingCode* find_code(std::string_view code);

}  // namespace ddbsynth::review
