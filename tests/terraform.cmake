# Issue 3, the Terraform target: golden modules (native and JSON) for every fixture config, and
# their conformance with HashiCorp's HCL parser, the AWS provider schema and the CloudFormation
# target (tests/conformance/terraform-conformance.js). The configs under fixtures/configs/terraform
# (hostile strings beyond escapes.json) have their goldens checked by tests/unit/terraform_golden_test.cpp.
add_test(NAME golden_terraform_hcl
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden.sh $<TARGET_FILE:ddbsynth> terraform "")
add_test(NAME golden_terraform_json
  COMMAND ${PROJECT_SOURCE_DIR}/tests/golden.sh $<TARGET_FILE:ddbsynth> terraform json)

file(GLOB TERRAFORM_CONFIGS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fixtures/configs/*.json ${PROJECT_SOURCE_DIR}/fixtures/configs/*.yaml
     ${PROJECT_SOURCE_DIR}/fixtures/configs/terraform/*.json ${PROJECT_SOURCE_DIR}/examples/*.json)
add_test(NAME conformance_terraform
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/terraform-conformance.js $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/terraform-conformance ${TERRAFORM_CONFIGS})
set_tests_properties(conformance_terraform PROPERTIES TIMEOUT 600)

# `terraform fmt` style, checked with HCL's own formatter where Go and HCL's sources are installed.
add_test(NAME conformance_terraform_fmt
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/terraform-fmt.sh $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
set_tests_properties(conformance_terraform_fmt PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
