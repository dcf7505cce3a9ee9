// SigV4 against AWS's published test suite (aws-sig-v4-test-suite, from "Signature Version 4
// test suite" in the AWS General Reference, docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html):
// the credentials, scope and time every case shares, and each case's request and expected
// Authorization header, copied as data. The canonical request of get-vanilla and
// get-header-value-trim is the suite's .creq file.
#include <gtest/gtest.h>

#include "local/sigv4.hpp"

namespace ddbsynth::local {
namespace {

const Credentials kSuite{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
const Scope kScope{"us-east-1", "service"};
constexpr const char* kDate = "20150830T123600Z";
constexpr const char* kPrefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

struct Vector {
  const char* name;
  SigningRequest request;
  const char* authorization;  // after kPrefix
};

std::vector<std::pair<std::string, std::string>> base_headers() {
  return {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", kDate}};
}

std::vector<Vector> vectors() {
  auto with = [](std::vector<std::pair<std::string, std::string>> extra) {
    auto h = base_headers();
    h.insert(h.end(), extra.begin(), extra.end());
    return h;
  };
  return {
      {"get-vanilla", {"GET", "/", "", base_headers(), ""},
       "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
      {"post-vanilla", {"POST", "/", "", base_headers(), ""},
       "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
      {"get-vanilla-query-order-key-case", {"GET", "/", "Param2=value2&Param1=value1", base_headers(), ""},
       "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
      {"get-header-value-trim",
       {"GET", "/", "", with({{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}}), ""},
       "SignedHeaders=host;my-header1;my-header2;x-amz-date, "
       "Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"},
      {"post-x-www-form-urlencoded",
       {"POST", "/", "", with({{"Content-Type", "application/x-www-form-urlencoded"}}), "Param1=value1"},
       "SignedHeaders=content-type;host;x-amz-date, "
       "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"},
  };
}

TEST(SigV4, MatchesTheTestSuite) {
  for (const auto& v : vectors())
    EXPECT_EQ(authorization(v.request, kSuite, kScope, kDate), std::string(kPrefix) + v.authorization) << v.name;
}

TEST(SigV4, CanonicalRequestOfGetVanilla) {
  SigningRequest r{"GET", "/", "", base_headers(), ""};
  EXPECT_EQ(canonical_request(r),
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(string_to_sign(canonical_request(r), kDate, kScope),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
}

TEST(SigV4, CanonicalHeadersAreTrimmedAndCollapsed) {
  SigningRequest r{"GET", "/", "", base_headers(), ""};
  r.headers.emplace_back("My-Header1", " value1");
  r.headers.emplace_back("My-Header2", " \"a   b   c\"");
  EXPECT_EQ(canonical_request(r),
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\n"
            "x-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SigV4, AnyChangeToTheRequestChangesTheSignature) {
  SigningRequest r{"POST", "/", "", base_headers(), "{}"};
  std::string base = authorization(r, kSuite, kScope, kDate);
  SigningRequest body = r;
  body.payload = "{ }";
  SigningRequest target = r;
  target.headers.emplace_back("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
  EXPECT_NE(authorization(body, kSuite, kScope, kDate), base);
  EXPECT_NE(authorization(target, kSuite, kScope, kDate), base);
  EXPECT_NE(authorization(r, kSuite, Scope{"eu-west-1", "service"}, kDate), base);
  EXPECT_NE(authorization(r, Credentials{"AKIDEXAMPLE", "other"}, kScope, kDate), base);
}

TEST(SigV4, AmzDateIsCompactUtc) {
  std::string d = amz_date_now();
  ASSERT_EQ(d.size(), 16u);
  EXPECT_EQ(d[8], 'T');
  EXPECT_EQ(d.back(), 'Z');
}

}  // namespace
}  // namespace ddbsynth::local
