add_test(NAME cli_behaviour COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/cli-test.sh $<TARGET_FILE:ddbsynth>)
# A smoke run of the benchmark (no timing asserted): it must run every target on 10 tables.
add_test(NAME bench_smoke COMMAND python3 ${PROJECT_SOURCE_DIR}/bench/run.py
  --ddbsynth $<TARGET_FILE:ddbsynth> --sizes 10 --no-cdk)
