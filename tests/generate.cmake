# Issue 7, the project generator: `ddbsynth new` and `ddbsynth gen pynamodb` end to end.
foreach(case tree python refuse names ports gen escapes)
  add_test(NAME generate_${case}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/generate-project.sh $<TARGET_FILE:ddbsynth>
            ${PROJECT_SOURCE_DIR} ${case})
endforeach()

# The IaC part needs the cdk-ts / terraform backend; skipped (77) while it produces nothing.
foreach(iac cdk terraform)
  add_test(NAME generate_iac_${iac}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/generate-iac.sh $<TARGET_FILE:ddbsynth>
            ${PROJECT_SOURCE_DIR} ${iac})
  set_tests_properties(generate_iac_${iac} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endforeach()

# Issue 12: `ddbsynth connect` on a generated workspace.
add_test(NAME generate_connect
  COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/generate-connect.sh $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
