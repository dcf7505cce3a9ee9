// The runtime config: the table's name published in AppConfig under the `dynamodb` profile,
// deployed at once, as the seed's CDK construct does.
#include "backends/common/naming.hpp"
#include "backends/terraform/module.hpp"

namespace ddbsynth::tf {
namespace {

constexpr std::string_view kEnvironment = "aws_appconfig_environment.default";
constexpr std::string_view kStrategy = "aws_appconfig_deployment_strategy.immediate";
constexpr std::string_view kProfile = "aws_appconfig_configuration_profile.dynamodb";
constexpr std::string_view kVersion = "aws_appconfig_hosted_configuration_version.dynamodb";

Body& resource(Body& main, std::string_view address) {
  auto dot = address.find('.');
  return main.add_block("resource", {std::string(address.substr(0, dot)), std::string(address.substr(dot + 1))}).body;
}

// {"<runtimeConfigKey>": {"tableName": <the table's name>}}
Value content(const Table& t) {
  Value inner = Value::object({{"tableName", ref(kTable, "name"), true}});
  return Value::call("jsonencode", {Value::object({{t.runtime_config_key, std::move(inner)}})});
}

}  // namespace

void add_runtime_config(const Table& t, Body& main) {
  const std::string name = runtime_config_app_name();
  const Value app_id = ref(kApp, "id");
  const Value profile_id = ref(kProfile, "configuration_profile_id");

  resource(main, kApp).set("name", Value::str(name));

  resource(main, kEnvironment).set("application_id", app_id).set("name", Value::str("default"));

  resource(main, kStrategy)
      .set("name", Value::str(name))
      .set("deployment_duration_in_minutes", Value::integer(0))
      .set("final_bake_time_in_minutes", Value::integer(0))
      .set("growth_factor", Value::integer(100))
      .set("replicate_to", Value::str("NONE"));

  resource(main, kProfile)
      .set("application_id", app_id)
      .set("name", Value::str("dynamodb"))
      .set("location_uri", Value::str("hosted"))
      .set("type", Value::str("AWS.Freeform"));

  resource(main, kVersion)
      .set("application_id", app_id)
      .set("configuration_profile_id", profile_id)
      .set("content_type", Value::str("application/json"))
      .set("content", content(t));

  resource(main, "aws_appconfig_deployment.dynamodb")
      .set("application_id", app_id)
      .set("configuration_profile_id", profile_id)
      .set("configuration_version", ref(kVersion, "version_number"))
      .set("deployment_strategy_id", ref(kStrategy, "id"))
      .set("environment_id", ref(kEnvironment, "environment_id"));
}

}  // namespace ddbsynth::tf
