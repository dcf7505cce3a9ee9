#include "config_document_global.hpp"

#include <fmt/format.h>

namespace ddbsynth::cdk_ts {

using Json = nlohmann::ordered_json;

void add_global_fields(const Table& t, Json& tc) {
  if (t.global.region) tc["region"] = *t.global.region;
  Json replicas = Json::array();
  for (const auto& r : t.global.replicas) {
    Json j{{"region", r.region}, {"kmsKeyArn", r.kms_key_arn}};
    if (r.deletion_protection) j["deletionProtection"] = *r.deletion_protection;
    if (r.point_in_time_recovery) j["pointInTimeRecovery"] = *r.point_in_time_recovery;
    if (r.table_class) j["tableClass"] = to_string(*r.table_class);
    if (r.contributor_insights)
      j["contributorInsights"] = r.contributor_insights->mode ? Json{{"mode", to_string(*r.contributor_insights->mode)}} : Json(true);
    if (r.read_capacity) j["readCapacity"] = *r.read_capacity;
    if (r.max_read_request_units) j["maxReadRequestUnits"] = *r.max_read_request_units;
    if (r.tags) {
      Json tags = Json::object();
      for (const auto& [k, v] : *r.tags) tags[k] = v;
      j["tags"] = tags;
    }
    replicas.push_back(j);
  }
  tc["replicas"] = replicas;
  if (t.positions.count("tableConfig.multiRegionConsistency")) tc["multiRegionConsistency"] = to_string(t.global.consistency);
  if (t.global.witness_region) tc["witnessRegion"] = *t.global.witness_region;
  Json& gsis = tc["globalSecondaryIndexes"];
  for (size_t i = 0; i < gsis.size(); ++i) {
    gsis[i].erase("writeCapacity");
    if (!t.positions.count(fmt::format("tableConfig.globalSecondaryIndexes[{}].readCapacity", i))) gsis[i].erase("readCapacity");
  }
}

}  // namespace ddbsynth::cdk_ts
