#include <gtest/gtest.h>

#include "ddbsynth/config.hpp"
#include "generate/pynamodb.hpp"

namespace {

std::string base_py(const std::string& table_config) {
  return ddbsynth::render_base_py(
      ddbsynth::parse_config(R"({"runtimeConfigKey": "t", "tableConfig": {)" + table_config + "}}", "config.json"));
}

bool has(const std::string& text, const std::string& piece) { return text.find(piece) != std::string::npos; }

}  // namespace

TEST(GeneratePynamoDb, SeedIndexesGetTheSeedNames) {
  auto t = ddbsynth::load_config(DDBSYNTH_SOURCE_DIR "/fixtures/configs/seed.json");
  std::string py = ddbsynth::render_base_py(t);
  EXPECT_TRUE(has(py, "class Gsi1Index(GlobalSecondaryIndex):\n    class Meta:\n        index_name = 'gsi1pk-gsi1sk-index'\n"
                      "        projection = AllProjection()\n\n    gsi1pk = UnicodeAttribute(hash_key=True)\n"
                      "    gsi1sk = UnicodeAttribute(range_key=True)\n"));
  EXPECT_TRUE(has(py, "    gsi1_index = Gsi1Index()\n    gsi2_index = Gsi2Index()\n"));
  EXPECT_TRUE(has(py, "    entity_type = DiscriminatorAttribute()\n"));
  EXPECT_TRUE(has(py, "    pk = UnicodeAttribute(hash_key=True)\n    sk = UnicodeAttribute(range_key=True)\n"));
  EXPECT_TRUE(has(py, "    gsi2sk = UnicodeAttribute(null=True)\n"));
  EXPECT_TRUE(has(py, "from ..client import _local_dev, get_table_name, is_local\n"));
  EXPECT_EQ(py, ddbsynth::render_base_py(t));  // deterministic
}

TEST(GeneratePynamoDb, IndexNamesBecomeDistinctIdentifiers) {
  std::string py = base_py(R"("globalSecondaryIndexes": [
      {"indexName": "byUser", "partitionKey": "userId"},
      {"indexName": "by-user", "partitionKey": "owner"},
      {"indexName": "GlobalSecondary", "partitionKey": "g"},
      {"indexName": "123", "partitionKey": "n"},
      {"indexName": "gsi3pk-index", "partitionKey": "gsi3pk"}])");
  EXPECT_TRUE(has(py, "class ByUserIndex(GlobalSecondaryIndex):"));
  EXPECT_TRUE(has(py, "class ByUserIndex2(GlobalSecondaryIndex):"));
  EXPECT_TRUE(has(py, "    by_user_index = ByUserIndex()\n    by_user_index2 = ByUserIndex2()\n"));
  EXPECT_TRUE(has(py, "class GlobalSecondaryIndex2(GlobalSecondaryIndex):"));  // never shadows the import
  EXPECT_TRUE(has(py, "    index_123_index = Index123Index()\n"));
  EXPECT_TRUE(has(py, "    gsi3_index = Gsi3Index()\n"));
}

TEST(GeneratePynamoDb, AttributeNamesThatAreNotIdentifiersKeepTheirDynamoDbName) {
  std::string py = base_py(R"("partitionKey": "class", "sortKey": "count",
      "globalSecondaryIndexes": [{"indexName": "odd", "partitionKey": "it's \"x\"", "sortKey": "entity_type"}])");
  EXPECT_TRUE(has(py, "    class_ = UnicodeAttribute(hash_key=True, attr_name='class')\n"));
  EXPECT_TRUE(has(py, "    count2 = UnicodeAttribute(range_key=True, attr_name='count')\n"));  // Model.count
  EXPECT_TRUE(has(py, "    it_s_x = UnicodeAttribute(null=True, attr_name='it\\'s \"x\"')\n"));
  EXPECT_TRUE(has(py, "    entity_type2 = UnicodeAttribute(null=True, attr_name='entity_type')\n"));
  EXPECT_TRUE(has(py, "    it_s_x = UnicodeAttribute(hash_key=True, attr_name='it\\'s \"x\"')\n"));  // the index's
}

TEST(GeneratePynamoDb, TypesProjectionsCapacitiesAndLocalIndexes) {
  std::string py = base_py(R"("partitionKey": {"name": "id", "type": "B"}, "sortKey": null,
      "billingMode": "PROVISIONED", "readCapacity": 3, "writeCapacity": 4, "timeToLiveAttribute": "expires",
      "globalSecondaryIndexes": [
        {"indexName": "byScore", "partitionKey": "kind", "sortKey": {"name": "score", "type": "N"},
         "projectionType": "INCLUDE", "nonKeyAttributes": ["title", "a'b"], "readCapacity": 7, "writeCapacity": 8},
        {"indexName": "keys", "partitionKey": "kind", "projectionType": "KEYS_ONLY"}])");
  EXPECT_TRUE(has(py, "    id = BinaryAttribute(hash_key=True, legacy_encoding=False)\n    kind = "));
  EXPECT_FALSE(has(py, "range_key=True, legacy"));
  EXPECT_TRUE(has(py, "    score = NumberAttribute(range_key=True)\n"));
  EXPECT_TRUE(has(py, "        projection = IncludeProjection(['title', 'a\\'b'])\n"
                      "        read_capacity_units = 7\n        write_capacity_units = 8\n"));
  EXPECT_TRUE(has(py, "        projection = KeysOnlyProjection()\n        read_capacity_units = 3\n"));
  EXPECT_TRUE(has(py, "    expires = TTLAttribute(null=True)\n"));
  EXPECT_TRUE(has(py, "from pynamodb.attributes import BinaryAttribute, DiscriminatorAttribute, NumberAttribute, "
                      "TTLAttribute, UnicodeAttribute\n"));
  EXPECT_TRUE(has(py, "from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection, KeysOnlyProjection\n"));

  std::string lsi = base_py(R"("localSecondaryIndexes": [{"indexName": "byDate", "sortKey": "date"}])");
  EXPECT_TRUE(has(lsi, "class ByDateIndex(LocalSecondaryIndex):"));
  EXPECT_TRUE(has(lsi, "    pk = UnicodeAttribute(hash_key=True)\n    date = UnicodeAttribute(range_key=True)\n"));
}

TEST(GeneratePynamoDb, NoIndexesNoIndexImport) {
  std::string py = base_py(R"("globalSecondaryIndexes": [])");
  EXPECT_FALSE(has(py, "pynamodb.indexes"));
  EXPECT_FALSE(has(py, "_index ="));
}
