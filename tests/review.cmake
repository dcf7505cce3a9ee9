# The review workflow (issue 5): `check` against goldens on every target, `plan` end to end
# (formats, exit codes, the git form) and colour on terminals. Unit tests: tests/unit/review_*.
foreach(script check plan color)
  add_test(NAME review-${script}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/integration/review-${script}.sh
                   $<TARGET_FILE:ddbsynth> ${PROJECT_SOURCE_DIR})
endforeach()
# The scripts use node (JSON checks) from the pinned toolchain; git, patch, diff and script(1).
set_tests_properties(review-check review-plan review-color PROPERTIES TIMEOUT 300)
