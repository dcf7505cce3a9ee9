// The design review as a reviewer reads it: the access-pattern table, then the findings.
#pragma once

#include <string>

#include "ddbsynth/design_review.hpp"

namespace ddbsynth::design {

std::string render_text(const Table& t, const DesignReview& r);
std::string render_markdown(const Table& t, const DesignReview& r);
std::string render_json(const Table& t, const DesignReview& r);  // one object; see entities.md

// "file:line:col: warning: message [CODE]", one finding a line, as compilers print them.
std::string finding_line(const DesignFinding& f);

}  // namespace ddbsynth::design
