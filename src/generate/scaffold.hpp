// `ddbsynth new`: every file of a new DynamoDB project, planned in memory before any is written.
#pragma once

#include <string>
#include <vector>

#include "ddbsynth/backend.hpp"
#include "generate/iac_layout.hpp"
#include "generate/project_names.hpp"

namespace ddbsynth {

struct ProjectPlan {
  ProjectNames names;
  std::string iac;  // "cdk", "terraform", or "" with --infra none
  std::vector<PlannedFile> files;
  // Set when the chosen IaC's backend is not part of this build: the rest is still planned.
  std::string iac_unavailable;
};

// Validates the options (GenerateError), builds config.json, reads it back through the config
// contract (InputError should it not pass) and plans the project, the Python package and the
// IaC synthesized by the cdk-ts or terraform backend (BackendError) in the seed's layout.
// Reads the file system only to pick a free port and to resolve --iac inherit.
ProjectPlan plan_new_project(const NewOptions& options);

// The files to write for `plan`. Without `force`, throws GenerateError naming every planned
// file that already exists, except shared IaC identical to what is planned, which is left as is.
std::vector<OutputFile> files_to_write(const ProjectPlan& plan, bool force);

}  // namespace ddbsynth
