// `ddbsynth plan` output: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning UIs.
#pragma once

#include <string>

#include "review/plan.hpp"

namespace ddbsynth::review {

// GCC-style lines ("file:line:col: severity: CODE: message") and a summary line.
std::string render_text(const Plan& plan, bool color);

// {"changes": [{"kind", "path", "old", "new"}],
//  "findings": [{"code", "severity", "message", "path", "engines"}]}
std::string render_json(const Plan& plan);

// {"cloudformation": "replace", "cdk": "replace", "terraform": "update"}: each engine's Effect.
Json engines_json(const Engines& e);

// One run of tool "ddbsynth" with every finding code as a rule; locations are in `artifact_uri`.
std::string render_sarif(const Plan& plan, const std::string& artifact_uri);

}  // namespace ddbsynth::review
