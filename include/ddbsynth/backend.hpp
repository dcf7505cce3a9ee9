// The one interface every output target implements. Backends see the model, never the CLI.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbsynth/model.hpp"

namespace ddbsynth {

// A file a backend produces, relative to the output directory.
// Whether other tables' outputs may hold the same file.
enum class Sharing {
  Owned,      // this table's alone: a second config producing it is an error
  Identical,  // the same for every table (shared library code): written once
  Lines,      // a set of lines every table adds to (an index exporting each table's construct):
              // the lines of every producer and of a file already there are united, never lost
};

struct OutputFile {
  std::string path;
  std::string content;
  Sharing sharing = Sharing::Owned;
};

// `base` followed by the lines of `add` that it lacks, in their order.
std::string unite_lines(std::string_view base, std::string_view add);

struct BackendOptions {
  std::string format;  // "" = the backend's default; else one of Backend::formats()
};

// Thrown by a backend for a model it cannot express (e.g. an invalid derived stack name).
struct BackendError {
  SourcePos pos;
  std::string message;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  // Accepted --format values; the first is the default.
  virtual std::vector<std::string_view> formats() const = 0;
  // Files for one table. Pure: same model and options, same bytes.
  virtual std::vector<OutputFile> synth(const Table& table, const BackendOptions& options) const = 0;
};

// All registered backends, in the order `ddbsynth targets` lists them.
const std::vector<std::unique_ptr<Backend>>& backends();
const Backend* find_backend(std::string_view name);

}  // namespace ddbsynth
