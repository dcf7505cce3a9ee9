#include "ddbsynth/iam.hpp"

#include <array>

namespace ddbsynth {
namespace {

using namespace std::string_view_literals;

// aws-cdk-lib/aws-dynamodb perms: READ_DATA_ACTIONS (+ DescribeTable), WRITE_DATA_ACTIONS, ...
constexpr std::array kRead = {"dynamodb:BatchGetItem"sv, "dynamodb:Query"sv, "dynamodb:GetItem"sv,
                              "dynamodb:Scan"sv, "dynamodb:ConditionCheckItem"sv,
                              "dynamodb:DescribeTable"sv};
// Stream reads are not valid in a table's resource policy; the CDK grants them to the principal only.
constexpr std::array kPrincipalOnly = {"dynamodb:GetRecords"sv, "dynamodb:GetShardIterator"sv};
constexpr std::array kWrite = {"dynamodb:BatchWriteItem"sv, "dynamodb:PutItem"sv,
                               "dynamodb:UpdateItem"sv, "dynamodb:DeleteItem"sv,
                               "dynamodb:DescribeTable"sv};
constexpr std::array kReadWrite = {
    "dynamodb:BatchGetItem"sv,   "dynamodb:Query"sv,      "dynamodb:GetItem"sv,
    "dynamodb:Scan"sv,           "dynamodb:ConditionCheckItem"sv, "dynamodb:BatchWriteItem"sv,
    "dynamodb:PutItem"sv,        "dynamodb:UpdateItem"sv, "dynamodb:DeleteItem"sv,
    "dynamodb:DescribeTable"sv};
constexpr std::array kFull = {"dynamodb:*"sv};
constexpr std::array kStream = {"dynamodb:DescribeStream"sv, "dynamodb:GetRecords"sv,
                                "dynamodb:GetShardIterator"sv};
constexpr std::array kKeyRead = {"kms:Decrypt"sv, "kms:DescribeKey"sv};
constexpr std::array kKeyReadWrite = {"kms:Decrypt"sv, "kms:DescribeKey"sv, "kms:Encrypt"sv,
                                      "kms:ReEncrypt*"sv, "kms:GenerateDataKey*"sv};
constexpr std::array kAppConfigRead = {"appconfig:StartConfigurationSession"sv,
                                       "appconfig:GetLatestConfiguration"sv};

const AccessActions kByAccess[] = {
    /* Read */ {kRead, kPrincipalOnly, kKeyRead, {}, false},
    /* Write */ {kWrite, {}, kKeyReadWrite, {}, false},
    /* ReadWrite */ {kReadWrite, kPrincipalOnly, kKeyReadWrite, {}, false},
    /* Full */ {kFull, {}, kKeyReadWrite, {}, false},
    /* StreamRead */ {{}, {}, kKeyRead, kStream, true},
};

}  // namespace

const AccessActions& actions_for(Access a) { return kByAccess[static_cast<int>(a)]; }

std::span<const std::string_view> appconfig_read_actions() { return kAppConfigRead; }

}  // namespace ddbsynth
