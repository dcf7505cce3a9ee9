add_test(NAME cli_behaviour COMMAND ${PROJECT_SOURCE_DIR}/tests/cli/cli-test.sh $<TARGET_FILE:ddbsynth>)
