# Issue 6, local development: the create-table target, `ddbsynth local apply|up|down` against
# dynalite (tests/node_modules) on loopback, and the AWS CLI taking the create-table JSON.
# The SigV4 vectors and the apply plan are unit tests (tests/unit/sigv4_test.cpp, local_plan_test.cpp).
add_test(NAME local_golden
  COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/local-golden.sh $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
foreach(script apply up-down dev awscli)
  add_test(NAME local_${script}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/integration/local-${script}.sh $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
  set_tests_properties(local_${script} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77 LABELS local)
endforeach()
set_tests_properties(local_golden PROPERTIES LABELS local)
