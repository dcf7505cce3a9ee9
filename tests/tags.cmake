# Issue 13, tags: AWS's tag pattern over every Unicode code point and the CDK's tag order, held
# against Node (the CDK's runtime) by tests/conformance/tag-unicode.js through tag_probe.
add_executable(tag_probe ${CMAKE_CURRENT_SOURCE_DIR}/tools/tag_probe.cpp)
target_include_directories(tag_probe PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(tag_probe PRIVATE ddbsynth_lib)

add_test(NAME conformance_tag_unicode
  COMMAND node ${PROJECT_SOURCE_DIR}/tests/conformance/tag-unicode.js $<TARGET_FILE:tag_probe>)
# The CDK sorts with Node's default locale; pin one without a collation tailoring of its own.
set_tests_properties(conformance_tag_unicode PROPERTIES TIMEOUT 600 ENVIRONMENT "LC_ALL=C.UTF-8")
