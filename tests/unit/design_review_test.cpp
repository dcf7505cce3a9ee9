// The design review of entities.md: one test per finding and per key condition rule.
#include <fmt/format.h>

#include "ddbsynth/design_review.hpp"
#include "test_util.hpp"

using namespace ddbsynth;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

// A config with the seed's two GSIs, `extra` table fields, and the given entities/collections.
std::string design(const std::string& entities, const std::string& collections = "", const std::string& extra = "") {
  std::string out = R"({"runtimeConfigKey": "t", "tableConfig": {)" + extra +
                    R"("globalSecondaryIndexes": [
      {"indexName": "gsi1", "partitionKey": "gsi1pk", "sortKey": "gsi1sk"},
      {"indexName": "gsi2", "partitionKey": "gsi2pk", "sortKey": "gsi2sk"},
      {"indexName": "keys", "partitionKey": "kpk", "sortKey": "ksk", "projectionType": "KEYS_ONLY"},
      {"indexName": "hashonly", "partitionKey": "hpk"}]},
  "entities": {)" + entities + "}";
  if (!collections.empty()) out += R"(, "collections": {)" + collections + "}";
  return out + "}";
}

DesignReview review(const std::string& text) {
  return review_design(parse_config(text, "c.json", DesignCheck::None));
}

const PatternPlan& plan(const DesignReview& r, const std::string& entity, const std::string& name) {
  for (const auto& p : r.patterns)
    if (p.entity == entity && p.name == name) return p;
  throw std::runtime_error("no pattern " + entity + "." + name);
}

std::vector<std::string> codes(const DesignReview& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.code);
  return out;
}

const std::string kUser = R"("UserModel": {
    "attributes": {"userId": "S", "name": "S", "createdAt": {"type": "S", "default": "now"}},
    "keys": {"table": {"pk": "USER#{userId}", "sk": "USER#{userId}"}, "gsi2": {"pk": "USER", "sk": "{createdAt}"}},
    "accessPatterns": {"get_by_id": {"get": "table"}, "list_recent": {"query": "gsi2", "order": "desc"}}})";

const std::string kOrder = R"("OrderModel": {
    "attributes": {"orderId": "S", "userId": "S", "total": "N", "createdAt": {"type": "S", "default": "now"}},
    "keys": {"table": {"pk": "ORDER#{orderId}", "sk": "ORDER#{orderId}"},
             "gsi1": {"pk": "USER#{userId}", "sk": "ORDER#{orderId}"},
             "gsi2": {"pk": "ORDER", "sk": "{createdAt}"}},
    "accessPatterns": {"get_by_id": {"get": "table"}, "list_by_user": {"query": "gsi1"},
                       "created_between": {"query": "gsi2", "sk": {"between": "createdAt"}, "order": "desc"}}})";

}  // namespace

TEST(DesignReview, SpecExampleConditions) {
  auto r = review(design(kUser + "," + kOrder));
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
  const auto& by_user = plan(r, "OrderModel", "list_by_user");
  EXPECT_EQ(by_user.condition.text(), R"(gsi1pk = "USER#<userId>" AND begins_with(gsi1sk, "ORDER#"))");
  EXPECT_THAT(by_user.parameters, ElementsAre(Parameter{"userId", "userId", AttributeType::S}));
  EXPECT_TRUE(by_user.also_reads.empty());
  const auto& get = plan(r, "UserModel", "get_by_id");
  EXPECT_TRUE(get.get);
  EXPECT_EQ(get.condition.text(), R"(pk = "USER#<userId>" AND sk = "USER#<userId>")");
  EXPECT_EQ(get.parameters.size(), 1u);  // each placeholder once
  const auto& between = plan(r, "OrderModel", "created_between");
  EXPECT_EQ(between.condition.text(), R"(gsi2pk = "ORDER" AND gsi2sk BETWEEN "<createdAt_start>" AND "<createdAt_end>")");
  EXPECT_EQ(between.parameters.size(), 2u);
  EXPECT_EQ(between.parameters[0].name, "createdAt_start");
  EXPECT_TRUE(between.descending);
  EXPECT_EQ(plan(r, "UserModel", "list_recent").condition.text(), R"(gsi2pk = "USER")");
}

TEST(DesignReview, PrimaryKeyCollisionNamesBothAndAWitness) {
  std::string invoice = R"("InvoiceModel": {"attributes": {"id": "S"},
      "keys": {"table": {"pk": "ORDER#{id}", "sk": "{id}"}}})";
  auto r = review(design(kOrder + "," + invoice));
  ASSERT_THAT(codes(r), ElementsAre("PRIMARY_KEY_COLLISION"));
  const auto& f = r.findings[0];
  EXPECT_EQ(f.severity, Severity::Error);
  EXPECT_THAT(f.entities, ElementsAre("OrderModel", "InvoiceModel"));
  EXPECT_EQ(f.witness_pk, "ORDER#x");
  EXPECT_EQ(f.witness_sk, "ORDER#x");
  EXPECT_EQ(f.pos.line, 13);  // InvoiceModel's keys.table
  EXPECT_THAT(f.message, HasSubstr("OrderModel and InvoiceModel"));
  // validate and synth refuse it: the error is an input error.
  EXPECT_THAT(first_error(design(kOrder + "," + invoice)), HasSubstr("[PRIMARY_KEY_COLLISION]"));
}

TEST(DesignReview, HashSeparatesSegments) {
  std::string item = R"("ItemModel": {"attributes": {"orderId": "S", "itemId": "S"},
      "keys": {"table": {"pk": "ORDER#{orderId}#ITEM#{itemId}", "sk": "ORDER#{orderId}"}}})";
  EXPECT_TRUE(review(design(kOrder + "," + item)).findings.empty());
}

TEST(DesignReview, OverloadedIndexWithoutPrefixReadsOthers) {
  // Reviews share gsi2's "ORDER" partition with a bare sort key: list_recent reads them too.
  std::string note = R"("NoteModel": {"attributes": {"noteId": "S", "at": "S"},
      "keys": {"table": {"pk": "NOTE#{noteId}", "sk": "NOTE#{noteId}"}, "gsi2": {"pk": "ORDER", "sk": "NOTE#{at}"}}})";
  std::string order = R"("OrderModel": {"attributes": {"orderId": "S", "createdAt": "S"},
      "keys": {"table": {"pk": "ORDER#{orderId}", "sk": "ORDER#{orderId}"}, "gsi2": {"pk": "ORDER", "sk": "{createdAt}"}},
      "accessPatterns": {"list_recent": {"query": "gsi2"}}})";
  auto r = review(design(order + "," + note));
  ASSERT_THAT(codes(r), ElementsAre("QUERY_READS_OTHER_ENTITIES"));
  EXPECT_EQ(r.findings[0].severity, Severity::Warning);
  EXPECT_EQ(r.findings[0].witness_pk, "ORDER");
  EXPECT_EQ(r.findings[0].witness_sk, "NOTE#x");
  EXPECT_THAT(plan(r, "OrderModel", "list_recent").also_reads, ElementsAre("NoteModel"));
}

TEST(DesignReview, OwnLiteralPrefixIsolatesTheQuery) {
  // The seed's case: orders and reviews share gsi1; begins_with(ORDER#) leaves the reviews out.
  std::string review_model = R"("ReviewModel": {"attributes": {"reviewId": "S", "userId": "S"},
      "keys": {"table": {"pk": "REVIEW#{reviewId}", "sk": "REVIEW#{reviewId}"},
               "gsi1": {"pk": "USER#{userId}", "sk": "REVIEW#{reviewId}"}},
      "accessPatterns": {"list_by_user": {"query": "gsi1"}}})";
  auto r = review(design(kOrder + "," + review_model));
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(plan(r, "ReviewModel", "list_by_user").condition.text(),
            R"(gsi1pk = "USER#<userId>" AND begins_with(gsi1sk, "REVIEW#"))");
}

TEST(DesignReview, RangeConditionsReadWhatTheyReach) {
  // sk < "ORDER#<at>" reaches every smaller key in the partition: "INVOICE#..." sorts before.
  std::string order = R"("OrderModel": {"attributes": {"orderId": "S", "at": "S"},
      "keys": {"table": {"pk": "ORDER#{orderId}", "sk": "ORDER#{orderId}"}, "gsi2": {"pk": "DOC", "sk": "ORDER#{at}"}},
      "accessPatterns": {"before": {"query": "gsi2", "sk": {"<": "at"}}, "after": {"query": "gsi2", "sk": {">": "at"}},
                         "during": {"query": "gsi2", "sk": {"between": "at"}}}})";
  std::string invoice = R"("InvoiceModel": {"attributes": {"invoiceId": "S", "at": "S"},
      "keys": {"table": {"pk": "INVOICE#{invoiceId}", "sk": "INVOICE#{invoiceId}"}, "gsi2": {"pk": "DOC", "sk": "INVOICE#{at}"}}})";
  auto r = review(design(order + "," + invoice));
  EXPECT_THAT(plan(r, "OrderModel", "before").also_reads, ElementsAre("InvoiceModel"));
  EXPECT_TRUE(plan(r, "OrderModel", "after").also_reads.empty());  // "INVOICE#" < "ORDER#..."
  EXPECT_TRUE(plan(r, "OrderModel", "during").also_reads.empty());
  EXPECT_EQ(plan(r, "OrderModel", "before").condition.text(), R"(gsi2pk = "DOC" AND gsi2sk < "ORDER#<at>")");
}

TEST(DesignReview, PrefixConditionThroughLeadingPlaceholders) {
  std::string line = R"("LineModel": {"attributes": {"orderId": "S", "itemId": "S"},
      "keys": {"table": {"pk": "ORDER#{orderId}", "sk": "ORDER#{orderId}#ITEM#{itemId}"}},
      "accessPatterns": {"items": {"query": "table", "sk": {"prefix": ["orderId"]}}}})";
  auto r = review(design(kOrder + "," + line));
  const auto& p = plan(r, "LineModel", "items");
  EXPECT_EQ(p.condition.text(), R"(pk = "ORDER#<orderId>" AND begins_with(sk, "ORDER#<orderId>#ITEM#"))");
  EXPECT_EQ(p.parameters.size(), 1u);
  // The order itself (sk "ORDER#<id>") has no "#ITEM#" after the id: not read.
  EXPECT_TRUE(p.also_reads.empty());
}

TEST(DesignReview, IndexKeyMissing) {
  std::string e = R"("AModel": {"attributes": {"id": "S"}, "keys": {"table": {"pk": "A#{id}", "sk": "A"}},
      "accessPatterns": {"by_x": {"query": "gsi1"}}})";
  auto r = review(design(e));
  ASSERT_THAT(codes(r), ElementsAre("INDEX_KEY_MISSING"));
  EXPECT_EQ(r.findings[0].pattern, "by_x");
}

TEST(DesignReview, ProjectionOmitsAndSparse) {
  std::string e = R"("AModel": {"attributes": {"id": "S", "email": "S?", "name": "S"},
      "keys": {"table": {"pk": "A#{id}", "sk": "A"}, "keys": {"pk": "A", "sk": "{id}"}, "hashonly": {"pk": "EMAIL#{email}"}},
      "accessPatterns": {"all": {"query": "keys"}, "by_email": {"query": "hashonly"}}})";
  auto r = review(design(e));
  EXPECT_THAT(codes(r), ElementsAre("SPARSE_INDEX", "PROJECTION_OMITS"));
  EXPECT_THAT(r.findings[1].message, HasSubstr("email, name, entity_type"));
  EXPECT_THAT(plan(r, "AModel", "by_email").notes, ElementsAre("AModel is sparse on hashonly"));
}

TEST(DesignReview, Collections) {
  std::string review_model = R"("ReviewModel": {"attributes": {"reviewId": "S", "userId": "S"},
      "keys": {"table": {"pk": "REVIEW#{reviewId}", "sk": "REVIEW#{reviewId}"},
               "gsi1": {"pk": "USER#{userId}", "sk": "REVIEW#{reviewId}"}}})";
  auto ok = review(design(kOrder + "," + review_model + "," + kUser,
                          R"("activity": {"query": "gsi1", "entities": ["OrderModel", "ReviewModel"]})"));
  EXPECT_TRUE(ok.findings.empty());
  const auto& c = ok.patterns.back();
  EXPECT_TRUE(c.collection);
  EXPECT_EQ(c.condition.text(), R"(gsi1pk = "USER#<userId>")");
  auto bad = review(design(kOrder + "," + review_model + "," + kUser,
                           R"("mixed": {"query": "gsi2", "entities": ["OrderModel", "UserModel"]})"));
  EXPECT_THAT(codes(bad), ElementsAre("COLLECTION_PK_MISMATCH"));
}

TEST(DesignReview, SeedExampleHasNoFindings) {
  auto t = load_config(DDBSYNTH_SOURCE_DIR "/examples/single-table-design.json", DesignCheck::None);
  auto r = review_design(t);
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
  EXPECT_EQ(r.patterns.size(), 14u);
}
