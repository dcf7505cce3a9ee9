# The core issue: golden CloudFormation output and its conformance with the CloudFormation
# specification and with real aws-cdk-lib.
file(GLOB CORE_JSON_CONFIGS ${PROJECT_SOURCE_DIR}/fixtures/configs/*.json ${PROJECT_SOURCE_DIR}/examples/*.json)

add_test(NAME golden_cloudformation_json
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden.sh $<TARGET_FILE:ddbsynth> cloudformation "")
add_test(NAME golden_cloudformation_yaml
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden.sh $<TARGET_FILE:ddbsynth> cloudformation yaml)
add_test(NAME conformance_cloudformation_vs_cdk
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/cfn-vs-cdk.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR} ${CORE_JSON_CONFIGS})
add_test(NAME conformance_cloudformation_spec
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/cfn-spec-all.sh $<TARGET_FILE:ddbsynth>)
set_tests_properties(conformance_cloudformation_vs_cdk PROPERTIES TIMEOUT 600)
add_test(NAME conformance_config_schema
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/schema-check.js $<TARGET_FILE:ddbsynth>)
