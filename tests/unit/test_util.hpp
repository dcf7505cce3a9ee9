#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ddbsynth/config.hpp"
#include "ddbsynth/diagnostics.hpp"

// The first diagnostic for an invalid config, formatted; "" when the config is valid.
inline std::string first_error(const std::string& text, const std::string& file = "c.json") {
  try {
    ddbsynth::parse_config(text, file);
  } catch (const ddbsynth::InputError& e) {
    return e.diagnostics().front().format();
  }
  return "";
}

inline std::string all_errors(const std::string& text, const std::string& file = "c.json") {
  try {
    ddbsynth::parse_config(text, file);
  } catch (const ddbsynth::InputError& e) {
    return e.what();
  }
  return "";
}

// A minimal valid config with `table` as its tableConfig body.
inline std::string with_table(const std::string& table) {
  return R"({"runtimeConfigKey": "t", "tableConfig": {)" + table + "}}";
}
