// Building blocks of CloudFormation templates shared by the cloudformation and cdk backends.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "ddbsynth/model.hpp"

namespace ddbsynth::cfn {

using Json = nlohmann::ordered_json;

Json ref(std::string_view logical_id);
Json get_att(std::string_view logical_id, std::string_view attribute);
Json join(Json parts);  // {"Fn::Join": ["", parts]}
Json actions(std::span<const std::string_view> list);  // one action as a string, several as an array

// What JSON.stringify(s) gives, quotes included: the runtime config's content embeds it.
std::string js_string(std::string_view s);

// "arn:${Partition}:iam::${AccountId}:root" as CDK writes it.
Json account_root_arn();

// Properties of AWS::DynamoDB::Table that depend only on the model, in CDK's (alphabetical) order:
// AttributeDefinitions .. WarmThroughput, without SSESpecification/ResourcePolicy.
// `key_arn` is the value of SSESpecification.KMSMasterKeyId.
Json table_properties(const Table& t, const Json& key_arn);

// The parts of AWS::DynamoDB::Table (and of AWS::DynamoDB::GlobalTable) that render one
// setting, shared so that every template writes it the same way.
Json on_demand_throughput(const OnDemandThroughput& o);  // {MaxReadRequestUnits?, MaxWriteRequestUnits?}
Json warm_throughput(const WarmThroughput& w);           // {ReadUnitsPerSecond?, WriteUnitsPerSecond?}
Json contributor_insights(const ContributorInsights& c);  // {Enabled: true, Mode?}
Json key_schema(const KeyAttribute& hash, const std::optional<KeyAttribute>& range);  // [HASH, RANGE?]
Json projection(Projection p, const std::vector<std::string>& non_key);            // {NonKeyAttributes?, ProjectionType}
// AttributeDefinitions in the order the CDK's TableV2 registers keys: the table's, each GSI's, then
// each LSI's (v1's Table, and Table::attribute_definitions, put the LSIs first). The CloudFormation
// GlobalTable follows it too, so that the two global targets write one list.
Json table_v2_attribute_definitions(const Table& t);
// LocalSecondaryIndexes, in config order.
Json local_secondary_indexes(const Table& t);
// One element of GlobalSecondaryIndexes, in CDK's key order.
Json global_secondary_index(const GlobalSecondaryIndex& g);

// The CloudFormation names of the model's enums.
const char* key_type_name(AttributeType);

}  // namespace ddbsynth::cfn
