# Issue 9, robustness: every hostile input of the issue through the command line (exit 2, located
# one-line messages, nothing written, within a second and bounded memory), every contract limit
# at and just past its bound. Under the sanitizers the time and memory bounds are scaled.
# (Injection and IAM checks are unit tests: tests/unit/injection_test.cpp, iam_policy_test.cpp.)
add_test(NAME hostile_inputs
  COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/cli/hostile-input-test.py $<TARGET_FILE:ddbsynth>
          $<$<BOOL:${DDBSYNTH_SANITIZE}>:--sanitized>)
set_tests_properties(hostile_inputs PROPERTIES TIMEOUT 600)
