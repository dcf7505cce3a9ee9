# Issue 16 in the cloudformation and terraform targets: the round-2 global-table configs
# (fixtures/round2/global*.json) against the CloudFormation resource spec, the AWS provider
# schema and the CloudFormation target, `terraform fmt`, and real aws-cdk-lib's TableV2.
file(GLOB GLOBAL_TABLE_CONFIGS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fixtures/round2/global*.json)
add_test(NAME conformance_global_terraform
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/terraform-conformance.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/global-terraform-conformance ${GLOBAL_TABLE_CONFIGS})
add_test(NAME conformance_global_targets
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/global-targets.sh $<TARGET_FILE:ddbsynth> ${GLOBAL_TABLE_CONFIGS})
set_tests_properties(conformance_global_terraform conformance_global_targets PROPERTIES TIMEOUT 600)
