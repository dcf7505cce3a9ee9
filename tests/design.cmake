# Entities and access patterns (../shared/spec/entities.md): the review through the command line.
add_test(NAME design_model_cli COMMAND ${PROJECT_SOURCE_DIR}/tests/design/model-cli-test.sh $<TARGET_FILE:ddbsynth>)
# A smoke run of the design benchmark (nothing timed is asserted): 200 entities, 2,000 patterns.
add_test(NAME bench_design_smoke COMMAND python3 ${PROJECT_SOURCE_DIR}/bench/design.py
  --ddbsynth $<TARGET_FILE:ddbsynth> --runs 1)
# model verify against dynalite: the run agrees with the review (tests/node_modules).
add_test(NAME design_model_verify COMMAND ${PROJECT_SOURCE_DIR}/tests/design/model-verify-test.sh $<TARGET_FILE:ddbsynth>)
