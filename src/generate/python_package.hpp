// The Python package of a new project, except entities/base.py (see pynamodb.hpp).
#pragma once

#include <vector>

#include "ddbsynth/backend.hpp"
#include "generate/project_names.hpp"

namespace ddbsynth {

// <package>/__init__.py, client.py, entities/__init__.py and entities/example.py (the seed's
// ExampleModel), with paths relative to the project root.
std::vector<OutputFile> python_package_files(const ProjectNames& names);

}  // namespace ddbsynth
