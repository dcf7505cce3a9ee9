# Issues 14 and 15 in the cloudformation and terraform targets, on the round-2 fixture configs
# (fixtures/round2) and the targets' own (tests/conformance/cfn-configs): the CloudFormation
# resource specification, real aws-cdk-lib, and the Terraform conformance (HCL parser, provider
# schema, field-by-field agreement with the cloudformation target).
add_test(NAME conformance_cloudformation_round2_spec
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/cfn-round2.sh $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/cfn-round2 spec)
add_test(NAME conformance_cloudformation_round2_vs_cdk
  COMMAND ${PROJECT_SOURCE_DIR}/tests/conformance/cfn-round2.sh $<TARGET_FILE:ddbsynth>
          ${CMAKE_CURRENT_BINARY_DIR}/cfn-round2 cdk)
set_tests_properties(conformance_cloudformation_round2_vs_cdk PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
