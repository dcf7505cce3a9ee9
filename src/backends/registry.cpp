#include <algorithm>

#include "backends/factories.hpp"

namespace ddbsynth {

const std::vector<std::unique_ptr<Backend>>& backends() {
  static const std::vector<std::unique_ptr<Backend>> all = [] {
    std::vector<std::unique_ptr<Backend>> v;
    v.push_back(make_cloudformation_backend());
    v.push_back(make_cdk_backend());
    v.push_back(make_cdk_ts_backend());
    v.push_back(make_terraform_backend());
    v.push_back(make_create_table_backend());
    return v;
  }();
  return all;
}

const Backend* find_backend(std::string_view name) {
  for (const auto& b : backends())
    if (b->name() == name) return b.get();
  return nullptr;
}

}  // namespace ddbsynth
