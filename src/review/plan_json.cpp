#include "review/plan_render.hpp"

namespace ddbsynth::review {

Json engines_json(const Engines& e) {
  return Json{{"cloudformation", to_string(e.cloudformation)},
              {"cdk", to_string(e.cdk)},
              {"terraform", to_string(e.terraform)}};
}

std::string render_json(const Plan& plan) {
  Json changes = Json::array(), findings = Json::array();
  for (const auto& c : plan.changes)
    changes.push_back(Json{{"kind", c.kind}, {"path", c.path}, {"old", c.old_value}, {"new", c.new_value}});
  for (const auto& f : plan.findings)
    findings.push_back(Json{{"code", f.code},
                            {"severity", to_string(f.severity)},
                            {"message", f.message},
                            {"path", f.path},
                            {"engines", engines_json(f.engines)}});
  return Json{{"changes", changes}, {"findings", findings}}.dump(2) + "\n";
}

}  // namespace ddbsynth::review
