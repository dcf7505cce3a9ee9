# Issue 16 in the cloudformation and terraform targets: the round-2 global-table configs
# (fixtures/round2/global*.json) against the CloudFormation resource spec, the AWS provider
# schema and the CloudFormation target, `terraform fmt`, and real aws-cdk-lib's TableV2.
# tests/conformance/global-configs holds further cases: grants by ARN, overrides, fixed reads.
file(GLOB GLOBAL_TABLE_CONFIGS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fixtures/round2/global*.json
     ${PROJECT_SOURCE_DIR}/tests/conformance/global-configs/*.json)
add_test(NAME conformance_global_terraform
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/terraform-conformance.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/global-terraform-conformance ${GLOBAL_TABLE_CONFIGS})
add_test(NAME conformance_global_targets
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/global-targets.sh $<TARGET_FILE:ddbsynth> ${GLOBAL_TABLE_CONFIGS})
set_tests_properties(conformance_global_terraform conformance_global_targets PROPERTIES TIMEOUT 600)
# Against real aws-cdk-lib's TableV2, once the cdk side's tree (cdk-app-v2.js, branch global) is here.
if(EXISTS ${PROJECT_SOURCE_DIR}/tests/conformance/cdk-app-v2.js)
  add_test(NAME conformance_global_cloudformation_vs_cdk
    COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/cfn-vs-cdk.js $<TARGET_FILE:ddbsynth>
            ${CMAKE_CURRENT_BINARY_DIR} ${GLOBAL_TABLE_CONFIGS})
  set_tests_properties(conformance_global_cloudformation_vs_cdk PROPERTIES TIMEOUT 600)
endif()
# DynamoDB Local has no replicas: create-table and `local apply` build tableConfig.region's table.
add_test(NAME local_global
  COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/local-global.sh $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
set_tests_properties(local_global PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 LABELS local)
