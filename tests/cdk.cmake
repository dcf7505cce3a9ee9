# Issue 4, the cdk target: byte-equal to real `cdk synth` (pinned aws-cdk-lib) of the spec's
# construct tree for every fixture, every example, the edge-case configs under
# tests/conformance/cdk-configs and a seeded set of random configs; the cdk-ts target's
# constructs compile with tsc and synthesize the same bytes.
add_test(NAME golden_cdk
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden.sh $<TARGET_FILE:ddbsynth> cdk "")

file(GLOB CDK_CONFIGS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fixtures/configs/*.json
     ${PROJECT_SOURCE_DIR}/fixtures/configs/*.yaml ${PROJECT_SOURCE_DIR}/fixtures/configs/terraform/*.json
     ${PROJECT_SOURCE_DIR}/examples/*.json ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-configs/*.json
     ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-configs/*.yaml)
# The round-2 fixtures of the v1 Table (capacity, table options); the global ones build a TableV2.
foreach(name autoscaled on-demand-caps table-options import-csv import-json)
  list(APPEND CDK_CONFIGS ${PROJECT_SOURCE_DIR}/fixtures/round2/${name}.json)
endforeach()
add_test(NAME conformance_cdk
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-compare.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/cdk-conformance --golden ${PROJECT_SOURCE_DIR}/fixtures/golden/cdk ${CDK_CONFIGS})

# 150 random configs from a fixed seed: the same set on every run, varied where the CDK branches.
add_test(NAME conformance_cdk_random
  COMMAND bash -c "rm -rf \"$1\" && node \"$2/cdk-random.js\" \"$1\" 150 20261126 && node \"$2/cdk-compare.js\" \"$0\" \"$1.work\" \"$1\"/*.json"
          $<TARGET_FILE:ddbsynth> ${CMAKE_CURRENT_BINARY_DIR}/cdk-random ${PROJECT_SOURCE_DIR}/tests/conformance)

# 150 more from a second seed using the capacity and table-option fields (issues 14 and 15);
# 30 more also through the cdk-ts constructs.
add_test(NAME conformance_cdk_random_round2
  COMMAND bash -c "rm -rf \"$1\" && node \"$2/cdk-random.js\" \"$1\" 150 20261201 --round2 && node \"$2/cdk-compare.js\" \"$0\" \"$1.work\" \"$1\"/*.json"
          $<TARGET_FILE:ddbsynth> ${CMAKE_CURRENT_BINARY_DIR}/cdk-random-round2 ${PROJECT_SOURCE_DIR}/tests/conformance)
add_test(NAME conformance_cdk_ts_random_round2
  COMMAND bash -c "rm -rf \"$1\" && node \"$2/cdk-random.js\" \"$1\" 30 20261202 --round2 && node \"$2/cdk-ts-check.js\" \"$0\" \"$1.work\" \"$1\"/*.json"
          $<TARGET_FILE:ddbsynth> ${CMAKE_CURRENT_BINARY_DIR}/cdk-ts-random-round2 ${PROJECT_SOURCE_DIR}/tests/conformance)

add_test(NAME conformance_cdk_ts
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-ts-check.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/cdk-ts-conformance ${CDK_CONFIGS})
set_tests_properties(conformance_cdk conformance_cdk_random conformance_cdk_random_round2 conformance_cdk_ts
                     conformance_cdk_ts_random_round2 PROPERTIES TIMEOUT 900)

# Issue 16, global tables: configs with replicas build the TableV2 tree of the spec's "Global
# tables" section; the round-2 global fixtures and 120 random global configs from a fixed seed
# must be byte-equal to real `cdk synth`, and the cdk-ts constructs must synthesize the same.
file(GLOB CDK_GLOBAL_FIXTURES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fixtures/round2/global*.json
     ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-configs/*.yaml)
add_test(NAME conformance_cdk_global
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-compare.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/cdk-global-conformance ${CDK_GLOBAL_FIXTURES})
add_test(NAME conformance_cdk_random_global
  COMMAND bash -c "rm -rf \"$1\" && node \"$2/cdk-random-global.js\" \"$1\" 120 20261201 && node \"$2/cdk-compare.js\" \"$0\" \"$1.work\" \"$1\"/*.json"
          $<TARGET_FILE:ddbsynth> ${CMAKE_CURRENT_BINARY_DIR}/cdk-random-global ${PROJECT_SOURCE_DIR}/tests/conformance)
add_test(NAME conformance_cdk_ts_global
  COMMAND bash -c "rm -rf \"$1\" && node \"$2/cdk-random-global.js\" \"$1\" 30 20261202 && node \"$2/cdk-ts-check.js\" \"$0\" \"$1.work\" \"$1\"/*.json \"$3\"/global*.json \"$4\"/*.yaml"
          $<TARGET_FILE:ddbsynth> ${CMAKE_CURRENT_BINARY_DIR}/cdk-ts-random-global ${PROJECT_SOURCE_DIR}/tests/conformance
          ${PROJECT_SOURCE_DIR}/fixtures/round2 ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-configs)
set_tests_properties(conformance_cdk_global conformance_cdk_random_global conformance_cdk_ts_global PROPERTIES TIMEOUT 900)
