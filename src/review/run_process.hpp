// Running a helper program (git) and capturing what it prints.
#pragma once

#include <string>
#include <vector>

namespace ddbsynth::review {

struct ProcessResult {
  int status = -1;  // exit status; 127 when the program could not be started
  std::string out, err;
};

// Runs argv[0] (searched in PATH) with the arguments in `dir`, stdin from /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& dir);

}  // namespace ddbsynth::review
