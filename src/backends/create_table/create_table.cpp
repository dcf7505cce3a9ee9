// --target create-table: the CreateTable request for the local table (localDev.tableName), as
// `aws dynamodb create-table --cli-input-json file://<name>.create-table.json` takes it.
#include "backends/factories.hpp"
#include "ddbsynth/backend.hpp"
#include "local/table_request.hpp"

namespace ddbsynth {
namespace {

class CreateTableBackend : public Backend {
 public:
  std::string_view name() const override { return "create-table"; }
  std::string_view description() const override {
    return "CreateTable request of the local table (localDev), for aws dynamodb create-table --cli-input-json";
  }
  std::vector<std::string_view> formats() const override { return {"json"}; }
  std::vector<OutputFile> synth(const Table& t, const BackendOptions&) const override {
    if (!t.local_dev)
      throw BackendError{t.where("localDev"),
                         "no localDev, so no local table: add \"localDev\": {\"tableName\": \"<name>\"} to use "
                         "--target create-table"};
    return {{t.local_dev->table_name + ".create-table.json", local::create_table_request(t).dump(2) + "\n"}};
  }
};

}  // namespace

std::unique_ptr<Backend> make_create_table_backend() { return std::make_unique<CreateTableBackend>(); }

}  // namespace ddbsynth
