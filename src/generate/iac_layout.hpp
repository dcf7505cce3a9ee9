// Where a new project's infrastructure goes: the cdk-ts or terraform backend's files, placed in
// the seed's shared `packages/common` project.
#pragma once

#include <string>
#include <vector>

#include "ddbsynth/backend.hpp"
#include "ddbsynth/model.hpp"

namespace ddbsynth {

struct PlannedFile {
  OutputFile file;      // path relative to the working directory (the workspace root)
  bool shared = false;  // IaC shared by every table's project (core constructs/modules)
};

struct IacFiles {
  std::vector<PlannedFile> files;
  std::string backend;      // the ddbsynth target that wrote them: cdk-ts or terraform
  std::string synth_out;    // where `ddbsynth synth --target <backend> --out` rewrites them
  std::string unavailable;  // why there are none: the backend is not in this build
};

// "cdk" or "terraform"; "inherit" picks the IaC of the workspace's existing common project
// (packages/common/terraform, else packages/common/constructs), cdk when there is none.
std::string resolve_iac(const std::string& iac);

// Synthesizes `table` with the IaC's backend and places its files under
// packages/common/constructs/src or packages/common/terraform/src: generic code in core/,
// the table's own in app/dynamodb/, as `ddbsynth synth --out <synth_out>` would write them, so
// that synthesizing again after a config change replaces them. Throws BackendError for a table
// the backend rejects.
IacFiles iac_files(const std::string& iac, const Table& table);

}  // namespace ddbsynth
