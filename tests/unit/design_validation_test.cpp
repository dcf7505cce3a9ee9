// Every rule of entities.md that the config alone decides: one located error each.
#include "test_util.hpp"

using ::testing::HasSubstr;

namespace {

std::string with_entities(const std::string& entities, const std::string& rest = "") {
  return R"({"runtimeConfigKey": "t", "tableConfig": {"timeToLiveAttribute": "ttl", "globalSecondaryIndexes": [
      {"indexName": "gsi1", "partitionKey": "gsi1pk", "sortKey": "gsi1sk"},
      {"indexName": "byNum", "partitionKey": {"name": "npk", "type": "N"}}],
    "localSecondaryIndexes": [{"indexName": "lsi1", "sortKey": "lsk"}]},
  "entities": {)" + entities + "}" + rest + "}";
}

// One entity with these attributes, keys and patterns.
std::string entity(const std::string& attributes, const std::string& keys, const std::string& patterns = "{}") {
  return with_entities(R"("AModel": {"attributes": )" + attributes + R"(, "keys": )" + keys +
                       R"(, "accessPatterns": )" + patterns + "}");
}

const std::string kTable = R"({"table": {"pk": "A#{id}", "sk": "A"}})";

}  // namespace

TEST(DesignValidation, ValidEntityAndNoEntitiesAtAll) {
  EXPECT_EQ(first_error(entity(R"({"id": "S"})", kTable)), "");
  EXPECT_EQ(first_error(with_entities("")), "");
}

TEST(DesignValidation, EntityNames) {
  EXPECT_THAT(first_error(with_entities(R"("aModel": {"keys": {}})")), HasSubstr("must be a Python class name"));
  EXPECT_THAT(first_error(with_entities(R"("BaseModel": {"keys": {}})")), HasSubstr("import or define"));
  EXPECT_THAT(first_error(with_entities(R"("None": {"keys": {}})")), HasSubstr("Python keyword"));
  EXPECT_THAT(all_errors(with_entities(R"("User": {"attributes": {"id": "S"}, "keys": {"table": {"pk": "U#{id}", "sk": "U"}}},
                                         "UserModel": {"attributes": {"id": "S"}, "keys": {"table": {"pk": "V#{id}", "sk": "V"}}})")),
              HasSubstr("entities/user.py, as another entity is"));
  EXPECT_THAT(all_errors(with_entities(R"("A": {"discriminator": "X", "attributes": {"id": "S"}, "keys": {"table": {"pk": "U#{id}", "sk": "U"}}},
                                         "B": {"discriminator": "X", "attributes": {"id": "S"}, "keys": {"table": {"pk": "V#{id}", "sk": "V"}}})")),
              HasSubstr("also the discriminator"));
}

TEST(DesignValidation, Attributes) {
  EXPECT_THAT(first_error(entity(R"({"id": "STRING"})", kTable)), HasSubstr("must be one of S, N, B, BOOL"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "pk": "S"})", kTable)), HasSubstr("is a key attribute"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "entity_type": "S"})", kTable)), HasSubstr("discriminator attribute"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "save": "S"})", kTable)), HasSubstr("member of PynamoDB's Model"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "class": "S"})", kTable)), HasSubstr("Python keyword"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "my-name": "S"})", kTable)), HasSubstr("Python identifier"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "ttl": "S"})", kTable)), HasSubstr("timeToLiveAttribute, so its type must be N"));
  EXPECT_EQ(first_error(entity(R"({"id": "S", "ttl": "N?"})", kTable)), "");
  EXPECT_THAT(first_error(entity(R"({"id": "S", "at": {"type": "N", "default": "now"}})", kTable)), HasSubstr("needs type S"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "at": {"type": "S", "default": "today"}})", kTable)), HasSubstr("must be \"now\""));
}

TEST(DesignValidation, KeysAndTemplates) {
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"gsi1": {"pk": "A", "sk": "B"}})")), HasSubstr("missing required field \"table\""));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{id}"}})")), HasSubstr("missing \"sk\""));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{id}", "sk": "A"}, "gsi9": {"pk": "A"}})")),
              HasSubstr("unknown index \"gsi9\" (did you mean \"gsi1\"?)"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{id}", "sk": "A"}, "lsi1": {"pk": "A", "sk": "B"}})")),
              HasSubstr("must not have pk"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{id", "sk": "A"}})")), HasSubstr("is not closed"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#id}", "sk": "A"}})")), HasSubstr("closes no placeholder"));
  EXPECT_EQ(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "{{A}}#{id}", "sk": "A"}})")), "");
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{}", "sk": "A"}})")), HasSubstr("empty placeholder"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{idd}", "sk": "A"}})")), HasSubstr("did you mean \"id\""));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A#{pk}", "sk": "A"}})")), HasSubstr("is a key attribute"));
  EXPECT_THAT(first_error(entity(R"({"id": "S", "tags": "SS"})", R"({"table": {"pk": "A#{tags}", "sk": "A"}})")), HasSubstr("takes S or N"));
  EXPECT_THAT(first_error(entity(R"({"id": "S?"})", R"({"table": {"pk": "A#{id}", "sk": "A"}})")), HasSubstr("optional attribute"));
  EXPECT_THAT(first_error(entity(R"({"id": "N"})", R"({"table": {"pk": "{id}", "sk": "A"}})")), HasSubstr("gives N values"));
  EXPECT_EQ(first_error(entity(R"({"id": "S", "n": "N"})", R"({"table": {"pk": "A#{id}", "sk": "A"}, "byNum": {"pk": "{n}"}})")), "");
  EXPECT_THAT(first_error(entity(R"({"id": "S", "n": "N"})", R"({"table": {"pk": "A#{id}", "sk": "A"}, "byNum": {"pk": "N{n}"}})")),
              HasSubstr("a template with text is a string"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": ")" + std::string(2049, 'x') + R"(", "sk": "A"}})")),
              HasSubstr("at least 2049 bytes; DynamoDB allows at most 2048"));
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": "A", "sk": ")" + std::string(1025, 'x') + R"("}})")),
              HasSubstr("at most 1024"));
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "{id}#";
  EXPECT_THAT(first_error(entity(R"({"id": "S"})", R"({"table": {"pk": ")" + many + R"(", "sk": "A"}})")),
              HasSubstr("more than 32 placeholders"));
}

TEST(DesignValidation, Patterns) {
  auto with = [](const std::string& p) { return entity(R"({"id": "S", "at": "S"})",
      R"({"table": {"pk": "A#{id}", "sk": "A#{at}"}, "gsi1": {"pk": "A", "sk": "{at}"}})", p); };
  EXPECT_EQ(first_error(with(R"({"by_at": {"query": "gsi1", "sk": {">=": "at"}, "order": "desc"}})")), "");
  EXPECT_THAT(first_error(with(R"({"ByAt": {"query": "gsi1"}})")), HasSubstr("[a-z][a-z0-9_]*"));
  EXPECT_THAT(first_error(with(R"({"save": {"query": "gsi1"}})")), HasSubstr("member of PynamoDB's Model"));
  EXPECT_THAT(first_error(with(R"({"def": {"query": "gsi1"}})")), HasSubstr("Python keyword"));
  EXPECT_THAT(first_error(with(R"({"create": {"query": "gsi1"}})")), HasSubstr("ddbsynth generates"));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "gsi1", "get": "table"}})")), HasSubstr("exactly one of"));
  EXPECT_THAT(first_error(with(R"({"x": {"get": "gsi1"}})")), HasSubstr("must be \"table\""));
  EXPECT_THAT(first_error(with(R"({"x": {"get": "table", "order": "desc"}})")), HasSubstr("only for a query"));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "gsi1", "order": "down"}})")), HasSubstr("\"asc\" or \"desc\""));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "gsi1", "sk": {"like": "at"}}})")), HasSubstr("unknown sort key condition"));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "gsi1", "sk": {">": "id"}}})")), HasSubstr("first placeholder"));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "table", "sk": {"prefix": ["id"]}}})")), HasSubstr("leading placeholders"));
  EXPECT_EQ(first_error(with(R"({"x": {"query": "table", "sk": {"prefix": ["at"]}}})")), "");
  EXPECT_THAT(first_error(with(R"({"x": {"query": "gsi1", "sk": {"<": "at", ">": "at"}}})")), HasSubstr("exactly one condition"));
  EXPECT_THAT(first_error(with(R"({"x": {"query": "nope"}})")), HasSubstr("unknown index"));
}

TEST(DesignValidation, Collections) {
  std::string two = R"("AModel": {"attributes": {"id": "S"}, "keys": {"table": {"pk": "A#{id}", "sk": "A"}}},
                       "BModel": {"attributes": {"id": "S"}, "keys": {"table": {"pk": "A#{id}", "sk": "B"}}})";
  EXPECT_EQ(first_error(with_entities(two, R"(, "collections": {"both": {"query": "table", "entities": ["AModel", "BModel"]}})")), "");
  EXPECT_THAT(first_error(with_entities(two, R"(, "collections": {"both": {"query": "table", "entities": ["AModel"]}})")),
              HasSubstr("two or more"));
  EXPECT_THAT(first_error(with_entities(two, R"(, "collections": {"both": {"query": "table", "entities": ["AModel", "CModel"]}})")),
              HasSubstr("unknown entity \"CModel\""));
  EXPECT_THAT(first_error(with_entities(two, R"(, "collections": {"both": {"query": "table", "entities": ["AModel", "AModel"]}})")),
              HasSubstr("listed twice"));
}

TEST(DesignValidation, AllErrorsInOneRunEachLocated) {
  std::string text = entity(R"({"id": "X", "class": "S"})", R"({"table": {"pk": "A#{nope}", "sk": "A"}})");
  std::string all = all_errors(text);
  EXPECT_THAT(all, HasSubstr("c.json:5:48: error: entities.AModel.attributes.id must be one of"));
  EXPECT_THAT(all, HasSubstr("must be one of"));
  EXPECT_THAT(all, HasSubstr("Python keyword"));
  EXPECT_THAT(all, HasSubstr("\"nope\""));
}
