// One factory per backend; registry.cpp lists them. A new backend adds a line here and there.
#pragma once

#include <memory>

#include "ddbsynth/backend.hpp"

namespace ddbsynth {

std::unique_ptr<Backend> make_cloudformation_backend();
std::unique_ptr<Backend> make_cdk_backend();
std::unique_ptr<Backend> make_cdk_ts_backend();
std::unique_ptr<Backend> make_terraform_backend();
std::unique_ptr<Backend> make_create_table_backend();

}  // namespace ddbsynth
