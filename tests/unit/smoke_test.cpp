#include <gtest/gtest.h>

#include "ddbsynth/config.hpp"

TEST(Smoke, SeedConfigLoads) {
  auto t = ddbsynth::load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/seed.json");
  EXPECT_EQ(t.runtime_config_key, "my_table");
  EXPECT_EQ(t.gsis.size(), 2u);
}
