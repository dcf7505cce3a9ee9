// The table-options section: restore window, Contributor Insights, Kinesis destination, import
// from S3 and the resource-based policy.
#include <fmt/format.h>

#include <regex>

#include "checker.hpp"
#include "ddbsynth/limits.hpp"

namespace ddbsynth {
namespace {

constexpr EnumName<ContributorInsightsMode> kInsightsModes[] = {
    {"ACCESSED_AND_THROTTLED_KEYS", ContributorInsightsMode::AccessedAndThrottledKeys},
    {"THROTTLED_KEYS", ContributorInsightsMode::ThrottledKeys}};
constexpr EnumName<KinesisPrecision> kPrecisions[] = {{"MILLISECOND", KinesisPrecision::Millisecond},
                                                      {"MICROSECOND", KinesisPrecision::Microsecond}};
constexpr EnumName<InputFormat> kInputFormats[] = {
    {"DYNAMODB_JSON", InputFormat::DynamoDbJson}, {"ION", InputFormat::Ion}, {"CSV", InputFormat::Csv}};
constexpr EnumName<InputCompression> kCompressions[] = {
    {"GZIP", InputCompression::Gzip}, {"ZSTD", InputCompression::Zstd}, {"NONE", InputCompression::None}};

constexpr std::string_view kInsightsFields[] = {"mode"};
constexpr std::string_view kKinesisFields[] = {"streamArn", "precision"};
constexpr std::string_view kImportFields[] = {"bucket",       "keyPrefix", "bucketOwner", "inputFormat",
                                              "csvDelimiter", "csvHeader", "compression"};

std::optional<KinesisDestination> kinesis(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  c.fields(v, kKinesisFields, what);
  KinesisDestination k;
  if (auto* p = v.get("precision")) k.precision = c.enum_of(*p, what + ".precision", kPrecisions);
  const Value* arn = c.required(v, "streamArn", what);
  if (!arn) return std::nullopt;
  auto s = c.string_of(*arn, what + ".streamArn");
  if (!s) return std::nullopt;
  if (!is_kinesis_stream_arn(*s)) {
    c.error(arn->pos, fmt::format("{}.streamArn {} is not a Kinesis stream ARN "
                                  "(arn:<partition>:kinesis:<region>:<12 digits>:stream/<name>, the name 1-{} of "
                                  "A-Z a-z 0-9 _ . -)", what, shown(*s), limits::kMaxKinesisStreamName));
    return std::nullopt;
  }
  k.stream_arn = *s;
  return k;
}

std::optional<ImportSource> import_source(Checker& c, const Value& v, const std::string& what) {
  if (!c.object(v, what)) return std::nullopt;
  c.record(what, v);
  c.fields(v, kImportFields, what);
  ImportSource in;
  bool ok = true;
  if (auto* b = c.required(v, "bucket", what)) {
    if (auto s = c.string_of(*b, what + ".bucket")) {
      if (auto why = bucket_name_problem(*s)) {
        c.error(b->pos, fmt::format("{}.bucket {} is not a valid S3 bucket name: {}", what, shown(*s), *why));
        ok = false;
      }
      in.bucket = *s;
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto* p = v.get("keyPrefix")) {
    auto s = c.string_of(*p, what + ".keyPrefix");
    if (s && (s->size() > limits::kMaxS3KeyPrefix || has_control(*s))) {
      c.error(p->pos, fmt::format("{}.keyPrefix must be at most {} bytes without control characters", what,
                                  limits::kMaxS3KeyPrefix));
      s.reset();
    }
    in.key_prefix = s;
  }
  if (auto* o = v.get("bucketOwner")) {
    static const std::regex kAccount("[0-9]{12}");
    auto s = c.string_of(*o, what + ".bucketOwner");
    if (s && !std::regex_match(*s, kAccount)) {
      c.error(o->pos, fmt::format("{}.bucketOwner {} must be an AWS account id of 12 digits", what, shown(*s)));
      s.reset();
    }
    in.bucket_owner = s;
  }
  if (auto* f = c.required(v, "inputFormat", what)) {
    if (auto e = c.enum_of(*f, what + ".inputFormat", kInputFormats)) in.format = *e;
    else ok = false;
  } else {
    ok = false;
  }
  bool csv = in.format == InputFormat::Csv;
  if (auto* d = v.get("csvDelimiter")) {
    if (auto s = c.string_of(*d, what + ".csvDelimiter")) {
      if (!ok || csv) {
        if (std::string_view(limits::kCsvDelimiters).find(*s) == std::string_view::npos || s->size() != 1)
          c.error(d->pos, fmt::format("{}.csvDelimiter {} must be one of the characters DynamoDB accepts: "
                                      "comma, semicolon, colon, pipe, tab or space", what, shown(*s)));
        else
          in.csv_delimiter = *s;
      }
    }
    if (ok && !csv) c.error(d->pos, fmt::format("{}.csvDelimiter is only allowed with inputFormat CSV", what));
  }
  if (auto* h = v.get("csvHeader")) {
    if (ok && !csv) {
      c.error(h->pos, fmt::format("{}.csvHeader is only allowed with inputFormat CSV", what));
    } else if (c.expect(*h, Value::Kind::Array, what + ".csvHeader")) {
      if (h->items.empty() || h->items.size() > limits::kMaxCsvHeaderColumns)
        c.error(h->pos, fmt::format("{}.csvHeader must list 1-{} attribute names, found {}", what,
                                    limits::kMaxCsvHeaderColumns, h->items.size()));
      std::vector<std::string> header;
      for (const auto& item : h->items)
        if (auto a = c.attribute_name(item, what + ".csvHeader[]")) {
          if (has_control(*a))
            c.error(item.pos, fmt::format("{}.csvHeader[] {} must not contain control characters", what, shown(*a)));
          header.push_back(*a);
        }
      in.csv_header = std::move(header);
    }
  }
  if (auto* z = v.get("compression")) in.compression = c.enum_of(*z, what + ".compression", kCompressions);
  if (!ok) return std::nullopt;
  return in;
}

}  // namespace

bool is_kinesis_stream_arn(std::string_view s) {
  static const std::regex kArn(
      R"(arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):kinesis:([a-z0-9-]+):[0-9]{12}:stream/[A-Za-z0-9_.-]{1,128})");
  std::match_results<std::string_view::const_iterator> m;
  return s.size() <= 2048 && std::regex_match(s.begin(), s.end(), m, kArn) && is_region(m[2].str());
}

std::optional<std::string> bucket_name_problem(std::string_view s) {
  static const std::regex kChars("[a-z0-9.-]+");
  static const std::regex kIp("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
  if (s.size() < limits::kMinBucketName || s.size() > limits::kMaxBucketName)
    return fmt::format("{}-{} characters", limits::kMinBucketName, limits::kMaxBucketName);
  if (!std::regex_match(s.begin(), s.end(), kChars)) return "only lowercase letters, digits, '.' and '-'";
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front()) || !alnum(s.back())) return "it must begin and end with a letter or digit";
  if (s.find("..") != std::string_view::npos) return "no two adjacent periods";
  if (std::regex_match(s.begin(), s.end(), kIp)) return "it must not be formatted as an IP address";
  for (auto p : limits::kReservedBucketPrefixes)
    if (s.starts_with(p)) return fmt::format("the prefix \"{}\" is reserved", p);
  for (auto p : limits::kReservedBucketSuffixes)
    if (s.ends_with(p)) return fmt::format("the suffix \"{}\" is reserved", p);
  return std::nullopt;
}

std::optional<ContributorInsights> read_contributor_insights(Checker& c, const Value& v, const std::string& what) {
  c.record(what, v);
  // `false` is accepted as "off", the same as leaving the field out.
  if (v.kind == Value::Kind::Bool) return v.boolean ? std::optional(ContributorInsights{}) : std::nullopt;
  if (v.kind != Value::Kind::Object) {
    c.error(v.pos, fmt::format("{} must be true, false or {{\"mode\": ...}}, found {}", what, kind_name(v.kind)));
    return std::nullopt;
  }
  c.fields(v, kInsightsFields, what);
  ContributorInsights ci;
  if (auto* m = c.required(v, "mode", what)) {
    ci.mode = c.enum_of(*m, what + ".mode", kInsightsModes);
    if (!ci.mode) return std::nullopt;
  }
  return ci;
}

void read_options(Checker& c, const Value& tc) {
  Table& t = c.table();
  if (auto* v = tc.get("pointInTimeRecoveryPeriodDays")) {
    c.record("tableConfig.pointInTimeRecoveryPeriodDays", *v);
    if (auto n = c.int_of(*v, "tableConfig.pointInTimeRecoveryPeriodDays", limits::kMinPitrPeriodDays,
                          limits::kMaxPitrPeriodDays)) {
      if (!t.point_in_time_recovery)
        c.error(v->pos, "tableConfig.pointInTimeRecoveryPeriodDays needs pointInTimeRecovery true: a disabled "
                        "point-in-time recovery has no restore window");
      else
        t.options.pitr_period_days = static_cast<int>(*n);
    }
  }
  if (auto* v = tc.get("contributorInsights"))
    t.options.contributor_insights = read_contributor_insights(c, *v, "tableConfig.contributorInsights");
  if (auto* v = tc.get("kinesisStream")) t.options.kinesis = kinesis(c, *v, "tableConfig.kinesisStream");
  if (auto* v = tc.get("importSource")) t.options.import_source = import_source(c, *v, "tableConfig.importSource");
  if (auto* v = tc.get("resourcePolicy")) t.options.resource_policy = read_resource_policy(c, *v, "tableConfig.resourcePolicy");
}

}  // namespace ddbsynth
