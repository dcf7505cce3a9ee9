#!/usr/bin/env python3
"""Hostile configs through the command line, as issue 9 lists them: each must exit 2 with located
one-line messages on stderr (`file:line:col: error: ...`), write nothing, and finish within a second
in bounded memory. Every contract limit is tried at its bound (exit 0) and just past it (exit 2).

usage: hostile-input-test.py DDBSYNTH [--sanitized]
  --sanitized: the binary is an ASan+UBSan debug build; time and memory bounds are scaled up.
"""
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time

SECONDS = 1.0
MAX_RSS_MB = 256
TIME_FACTOR, RSS_FACTOR = (8, 4) if "--sanitized" in sys.argv else (1, 1)


def config(table=None, **root):
    """A JSON config: runtimeConfigKey "t" unless given, `table` as tableConfig."""
    doc = {"runtimeConfigKey": "t"}
    doc.update(root)
    if table is not None:
        doc["tableConfig"] = table
    return json.dumps(doc).encode()


def gsis(n, **extra):
    return [dict({"indexName": f"gsi{i:02}", "partitionKey": f"p{i}"}, **extra) for i in range(n)]


def lsis(n):
    return [{"indexName": f"lsi{i}", "sortKey": f"s{i}"} for i in range(n)]


def include(n):
    """Two INCLUDE indexes projecting n distinct non-key attributes between them."""
    names = [f"attr{i}" for i in range(n)]
    return {"globalSecondaryIndexes": [
        {"indexName": "one", "partitionKey": "a", "projectionType": "INCLUDE", "nonKeyAttributes": names[::2]},
        {"indexName": "two", "partitionKey": "b", "projectionType": "INCLUDE", "nonKeyAttributes": names[1::2]}]}


def tags(n, key_len=1, value_len=1):
    return {"tags": {f"{'k' * key_len}{i if n > 1 else ''}": "v" * value_len for i in range(n)}}


def grant(role):
    return config(grants=[{"role": role, "access": "read"}])


def provisioned(read, write=1, gsi=None):
    t = {"billingMode": "PROVISIONED", "readCapacity": read, "writeCapacity": write}
    if gsi is not None:
        t["globalSecondaryIndexes"] = [{"indexName": "abc", "partitionKey": "g", "readCapacity": gsi}]
    return t


def nested(depth):
    return b'{"runtimeConfigKey": "t", "$schema": ' + b"[" * depth + b"]" * depth + b"}"


def padded(size):
    """A valid config padded with spaces to exactly `size` bytes."""
    body = config()
    return body + b" " * (size - len(body))


def billion_laughs():
    y, prev = "a: &a [x, x, x, x, x, x, x, x, x, x]\n", "a"
    for c in "bcdefghij":
        y += f"{c}: &{c} [" + ", ".join(["*" + prev] * 10) + "]\n"
        prev = c
    return (y + "runtimeConfigKey: t\n").encode()


MIB = 1 << 20
SEED = b'{"runtimeConfigKey": "t"}'

# (name, file name, bytes, message substring). Each must be refused. A generator, so that only one
# case's bytes are in memory when the binary is forked: the child's peak memory counts the parent's.
def hostile():
    yield ("empty json", "c.json", b"", "empty document")
    yield ("whitespace json", "c.json", b" \n\t\n", "empty document")
    yield ("empty yaml", "c.yaml", b"", "empty document")
    yield ("comment-only yaml", "c.yaml", b"# nothing\n", "empty document")
    yield ("BOM json", "c.json", b"\xef\xbb\xbf" + SEED, "byte order mark")
    yield ("BOM yaml", "c.yaml", b"\xef\xbb\xbfruntimeConfigKey: t\n", "byte order mark")
    yield ("invalid UTF-8 json", "c.json", b'{"runtimeConfigKey": "a\xc3\x28"}', "invalid UTF-8")
    yield ("invalid UTF-8 yaml", "c.yaml", b"runtimeConfigKey: a\xff\n", "invalid UTF-8")
    yield ("overlong UTF-8", "c.json", b'{"runtimeConfigKey": "\xc0\xaf"}', "invalid UTF-8")
    yield ("UTF-8 surrogate", "c.json", b'{"runtimeConfigKey": "\xed\xa0\x80"}', "invalid UTF-8")
    yield ("truncated UTF-8 at end", "c.json", SEED + b"\xe2\x82", "invalid UTF-8")
    yield ("NUL byte", "c.json", b'{"runtimeConfigKey": "t"}\x00', "NUL byte")
    yield ("escaped lone surrogate", "c.json", b'{"runtimeConfigKey": "\\udc00"}', "surrogate")
    yield ("NaN", "c.json", b'{"runtimeConfigKey": NaN}', "NaN and Infinity")
    yield ("Infinity", "c.json", b'{"runtimeConfigKey": "t", "localDev": {"port": Infinity, "tableName": "abc"}}',
           "NaN and Infinity")
    yield ("-Infinity", "c.json", b'{"runtimeConfigKey": "t", "localDev": {"port": -Infinity, "tableName": "abc"}}', "")
    yield ("yaml .nan", "c.yaml", b"runtimeConfigKey: t\nlocalDev: {port: .nan, tableName: abc}\n", "NaN and Infinity")
    yield ("yaml .inf", "c.yaml", b"runtimeConfigKey: t\nlocalDev: {port: -.inf, tableName: abc}\n", "NaN and Infinity")
    yield ("int overflow json", "c.json", config(provisioned(10**20)), "out of range")
    yield ("negative int overflow", "c.json", config(provisioned(-10**20)), "out of range")
    yield ("float overflow json", "c.json", b'{"runtimeConfigKey": "t", "tableConfig": {"readCapacity": 1e999}}',
           "out of range")
    yield ("int overflow yaml", "c.yaml", b"runtimeConfigKey: t\nlocalDev: {port: 99999999999999999999, tableName: abc}\n",
           "out of range")
    yield ("float overflow yaml", "c.yaml", b"runtimeConfigKey: t\nlocalDev: {port: 1e999, tableName: abc}\n",
           "out of range")
    yield ("huge exponent", "c.json", b'{"runtimeConfigKey": "t", "tableConfig": {"readCapacity": 1e-99999999999}}', "")
    yield ("duplicate key json", "c.json", b'{"runtimeConfigKey": "a", "runtimeConfigKey": "b"}', "duplicate key")
    yield ("duplicate nested key", "c.json", b'{"runtimeConfigKey": "t", "tableConfig": {"sortKey": "a", "sortKey": "b"}}',
           "duplicate key")
    yield ("duplicate key with newline", "c.json", b'{"runtimeConfigKey": "t", "a\\nb": 1, "a\\nb": 2}',
           'duplicate key "a\\u000ab"')
    yield ("duplicate key yaml", "c.yaml", b"runtimeConfigKey: a\nruntimeConfigKey: b\n", "duplicate key")
    yield ("duplicate quoted key yaml", "c.yaml", b'runtimeConfigKey: a\n"x\\ty": 1\n"x\\ty": 2\n', "duplicate key")
    yield ("100,000 [ json", "c.json", b"[" * 100000, "nesting deeper than 64")
    yield ("100,000 { json", "c.json", b'{"a":' * 100000, "nesting deeper than 64")
    yield ("100,000 closed [] json", "c.json", nested(100000), "nesting deeper than 64")
    yield ("100,000 [ yaml", "c.yaml", b"a: " + b"[" * 100000, "nesting deeper than 64")
    yield ("100,000 { yaml", "c.yaml", b"a: " + b"{a: " * 100000, "nesting deeper than 64")
    yield ("100,000 block sequences yaml", "c.yaml", b"- " * 100000 + b"x\n", "nesting deeper than 64")
    yield ("deep block mappings yaml", "c.yaml", b"".join(b" " * i + b"a:\n" for i in range(400)), "nesting deeper")
    yield ("50 MB json", "c.json", SEED + b" " * (50 * MIB), "larger than 4194304 bytes")
    yield ("50 MB yaml", "c.yaml", b"runtimeConfigKey: t\n" + b"#" * (50 * MIB), "larger than 4194304 bytes")
    yield ("100,001 values", "c.json", b"[" + b",".join([b"0"] * 100001) + b"]", "more than 100000 values")
    yield ("4 MiB of values", "c.json", b"[" + b",".join([b"0"] * (2 * MIB - 1)) + b"]", "more than 100000 values")
    yield ("99,000 unknown fields", "c.json",
           b'{"runtimeConfigKey": "t", ' + b", ".join(b'"%x": 0' % i for i in range(99000)) + b"}",
           "too many errors, stopping after 100")
    yield ("99,000 tags", "c.json", config({"tags": {f"k{i:x}": "v" for i in range(99000)}}), "at most 50 tags")
    yield ("99,000 nonKeyAttributes", "c.json", config(include(99000)), "at most 100 distinct")
    yield ("33,000 GSIs", "c.json", config({"globalSecondaryIndexes": gsis(33000)}), "at most 20 global")
    yield ("33,000 duplicate grants", "c.json",
           config(grants=[{"role": "r", "access": "read"}] * 33000), "too many errors")
    yield ("billion laughs", "c.yaml", billion_laughs(), "alias bomb")
    yield ("string alias bomb", "c.yaml",
           b'a: &a "' + b"x" * (2 * MIB) + b'"\nb: [' + b", ".join([b"*a"] * 200000) + b"]\nruntimeConfigKey: t\n",
           "alias bomb")
    yield ("recursive alias sequence", "c.yaml", b"a: &a [*a]\nruntimeConfigKey: t\n", "recursive alias")
    yield ("recursive alias mapping", "c.yaml", b"a: &a\n  b: *a\nruntimeConfigKey: t\n", "recursive alias")
    yield ("alias to an unknown anchor", "c.yaml", b"runtimeConfigKey: *nowhere\n", "")
    yield ("yaml tag !!binary", "c.yaml", b"runtimeConfigKey: !!binary aGVsbG8=\n", "YAML tag")
    yield ("yaml tag !Ref", "c.yaml", b"runtimeConfigKey: !Ref x\n", "YAML tag '!Ref'")
    yield ("yaml tag !!str", "c.yaml", b"runtimeConfigKey: !!str t\n", "YAML tag")
    yield ("yaml tag on a mapping", "c.yaml", b"runtimeConfigKey: t\ntableConfig: !!map {}\n", "YAML tag")
    yield ("yaml verbatim tag", "c.yaml", b"runtimeConfigKey: !<tag:yaml.org,2002:str> t\n", "YAML tag")
    yield ("two yaml documents", "c.yaml", b"runtimeConfigKey: a\n---\nruntimeConfigKey: b\n", "more than one YAML")
    yield ("document end then another", "c.yaml", b"runtimeConfigKey: a\n...\n---\nx: 1\n", "more than one YAML")
    yield ("endless yaml documents", "c.yaml", b"---\n" * 100000, "more than one YAML")
    yield ("control char in runtimeConfigKey", "c.json", config(runtimeConfigKey="a\x01b"), "control characters")
    yield ("DEL in runtimeConfigKey", "c.yaml", b'runtimeConfigKey: "a\\x7fb"\n', "control characters")
    yield ("raw tab in json string", "c.json", b'{"runtimeConfigKey": "a\tb"}', "control character U+0009")
    yield ("newline in table name", "c.json", config({"tableName": "abc\ndef"}), "not a valid table name")
    yield ("NUL in table name", "c.json", config({"tableName": "abc\x00def"}), "not a valid table name")
    yield ("tab in index name", "c.json", config({"globalSecondaryIndexes": [{"indexName": "a\tbc", "partitionKey": "p"}]}),
           "is not valid")
    yield ("bell in tag key", "c.json", config({"tags": {"a\x07": "v"}}), "tag key")
    yield ("newline in tag value", "c.json", config({"tags": {"a": "x\ny"}}), "tag value")
    yield ("newline in role name", "c.json", grant("role\nname"), "not an IAM role name")
    yield ("escape in role ARN", "c.json", grant("arn:aws:iam::123456789012:role/p\x1b/r"), "not an IAM role ARN")
    yield ("control char in stack name", "c.json", config(cdk={"stackName": "a\x02"}), "not a valid stack name")
    yield ("control char in construct id", "c.json", config(cdk={"constructId": "a\x7f"}), "control characters")
    yield ("newline in local table name", "c.json", config(localDev={"tableName": "ab\nc"}), "not a valid table name")
    yield ("control char in container name", "c.json", config(localDev={"tableName": "abc", "containerName": "a\nb"}),
           "localDev.containerName")
    yield ("option as image", "c.json", config(localDev={"tableName": "abc", "image": "--privileged"}),
           "not start with '-'")
    yield ("invalid escape before a newline", "c.json", b'{"runtimeConfigKey": "a\\\nb"}', "before U+000A")
    yield ("garbage after document", "c.json", SEED + b" {}", "after the end of the document")
    yield ("not an object", "c.json", b'"runtimeConfigKey"', "expected an object at the top level")
    yield from round2()
    yield from entities()


KEY_EU = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def scaled(scaling, read=10):
    """A provisioned table whose read capacity autoscales with `scaling` (min 1, max 100 unless given)."""
    t = provisioned(read)
    t["autoScaling"] = {"read": dict({"minCapacity": 1, "maxCapacity": 100}, **scaling)}
    return t


def imported(**fields):
    return {"importSource": dict({"bucket": "acme", "inputFormat": "CSV"}, **fields)}


def replicated(*replicas, **table):
    return dict({"region": "us-east-1", "replicas": list(replicas)}, **table)


def replica(region="eu-west-1", key=KEY_EU, **fields):
    return dict({"region": region, "kmsKeyArn": key}, **fields)


def policy(*statements, **document):
    return {"resourcePolicy": dict({"Version": "2012-10-17", "Statement": list(statements)}, **document)}


def statement(**fields):
    return dict({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
                 "Action": "dynamodb:GetItem", "Resource": "*"}, **fields)


def policy_of_size(size):
    """A valid policy whose compact JSON is exactly `size` bytes (padded in its Id)."""
    doc = policy(statement(), Id="")
    base = len(json.dumps(doc["resourcePolicy"], separators=(",", ":")))
    doc["resourcePolicy"]["Id"] = "i" * (size - base)
    return doc


def round2():
    """Hostile values for every round-2 field (capacity, table options, global tables)."""
    yield ("max units as a string", "c.json", config({"maxReadRequestUnits": "100"}), "must be an integer, found string")
    yield ("max units as a float", "c.json", config({"maxWriteRequestUnits": 1.5}), "must be an integer, found 1.5")
    yield ("max units huge", "c.json", config({"maxReadRequestUnits": 2**53}), "between 1 and")
    yield ("max units on provisioned", "c.json", config(dict(provisioned(1), maxWriteRequestUnits=5)),
           "only allowed with billingMode PAY_PER_REQUEST")
    yield ("GSI max units on provisioned", "c.json",
           config(dict(provisioned(1), globalSecondaryIndexes=[{"indexName": "abc", "partitionKey": "g", "maxReadRequestUnits": 1}])),
           "globalSecondaryIndexes[0].maxReadRequestUnits is only allowed")
    yield ("warm throughput array", "c.json", config({"warmThroughput": [1, 2]}), "must be an object, found array")
    yield ("warm throughput empty", "c.json", config({"warmThroughput": {}}), "needs readUnitsPerSecond")
    yield ("warm throughput zero", "c.json", config({"warmThroughput": {"writeUnitsPerSecond": 0}}), "between 1 and")
    yield ("autoscaling on demand", "c.json", config({"autoScaling": {"read": {"minCapacity": 1, "maxCapacity": 2}}}),
           "only allowed with billingMode PROVISIONED")
    yield ("autoscaling null", "c.json", config(dict(provisioned(1), autoScaling=None)), "must be an object, found null")
    yield ("scaling max below min", "c.json", config(scaled({"minCapacity": 50, "maxCapacity": 40}, read=45)),
           "maxCapacity (40) must be at least minCapacity (50)")
    yield ("capacity above scaling max", "c.json", config(scaled({}, read=101)), "outside tableConfig.autoScaling.read [1, 100]")
    yield ("scaling unknown field", "c.json", config(scaled({"target": 50})), 'unknown field "target"')
    yield ("cooldown as a string", "c.json", config(scaled({"scaleOutCooldown": "1m"})), "must be an integer, found string")
    yield ("10,000 scaling fields", "c.json", config(scaled({f"f{i}": 0 for i in range(10000)})), "too many errors")
    yield ("pitr period without pitr", "c.json", config({"pointInTimeRecovery": False, "pointInTimeRecoveryPeriodDays": 3}),
           "needs pointInTimeRecovery true")
    yield ("contributor insights string", "c.json", config({"contributorInsights": "yes"}), "must be true, false or")
    yield ("contributor insights mode with newline", "c.json", config({"contributorInsights": {"mode": "THROTTLED_KEYS\n"}}),
           '"THROTTLED_KEYS\\u000a"')
    yield ("GSI contributor insights number", "c.json",
           config({"globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "g", "contributorInsights": 1}]}),
           "globalSecondaryIndexes[0].contributorInsights must be true, false")
    yield ("kinesis ARN with newline", "c.json",
           config({"kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/a\nb"}}),
           "is not a Kinesis stream ARN")
    yield ("kinesis ARN of 1 MB", "c.json",
           config({"kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/" + "a" * MIB}}),
           "is not a Kinesis stream ARN")
    yield ("kinesis precision", "c.json",
           config({"kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/s", "precision": "SECOND"}}),
           "precision must be one of")
    yield ("bucket with newline", "c.json", config(imported(bucket="ac\nme")), "not a valid S3 bucket name")
    yield ("bucket of 1 MB", "c.json", config(imported(bucket="a" * MIB)), "3-63 characters")
    yield ("bucket IP address", "c.json", config(imported(bucket="10.0.0.1")), "IP address")
    yield ("bucket reserved suffix", "c.json", config(imported(bucket="acme--x-s3")), 'suffix "--x-s3"')
    yield ("bucket owner letters", "c.json", config(imported(bucketOwner="12345678901a")), "12 digits")
    yield ("key prefix with escape", "c.json", config(imported(keyPrefix="a\x1bb")), "without control characters")
    yield ("csv delimiter newline", "c.json", config(imported(csvDelimiter="\n")), "must be one character DynamoDB accepts")
    yield ("csv header with a comma", "c.json", config(imported(csvHeader=["a,b"])), "printable ASCII")
    yield ("99,000 duplicate csv headers", "c.json", config(imported(csvHeader=["a"] * 99000)), "too many errors")
    yield ("csv options with ION", "c.json", config(imported(inputFormat="ION", csvHeader=["a"])),
           "csvHeader is only allowed with inputFormat CSV")
    yield ("import source on a global table", "c.json", config(replicated(replica(), **imported())),
           "not available on a global table")
    yield ("policy not an object", "c.json", config({"resourcePolicy": "{}"}), "must be an object, found string")
    yield ("policy of 4 MB", "c.json", config(policy(statement(Sid="a" * (4 * MIB - 400)))), "DynamoDB accepts at most 20480")
    yield ("policy of 5,000 statements", "c.json", config(policy(*[statement()] * 5000)), "DynamoDB accepts at most 20480")
    yield ("policy resource of another service", "c.json", config(policy(statement(Resource="arn:aws:s3:::acme/*"))),
           'service "s3", not of DynamoDB')
    yield ("policy resource of another table", "c.json",
           config(dict({"tableName": "orders"}, **policy(statement(Resource="arn:aws:dynamodb:us-east-1:1:table/users")))),
           'does not name table "orders"')
    yield ("policy resource with newline", "c.json", config(policy(statement(Resource="arn:aws:dynamodb:us-east-1:1:stream\n"))),
           "can never match this table")
    yield ("policy resource of 2,048 characters", "c.json", config(dict({"tableName": "orders"}, **policy(statement(Resource="*" * 2047 + "x")))),
           "can never match")
    yield ("policy duplicate Sid", "c.json", config(policy(statement(Sid="A"), statement(Sid="A"))), 'Sid "A" is already used')
    yield ("policy Sid with newline", "c.json", config(policy(statement(Sid="a\nb"))), "may only contain A-Z a-z 0-9")
    yield ("policy effect", "c.json", config(policy(statement(Effect="allow"))), "Effect must be one of Allow, Deny")
    yield ("policy action with spaces", "c.json", config(policy(statement(Action="dynamodb: GetItem"))), "is not an action")
    yield ("policy principal number", "c.json", config(policy(statement(Principal=7))), "must be an object, found integer")
    yield ("region with newline", "c.json", config({"region": "us-east-1\n"}), "is not an AWS region name")
    yield ("region of 1 MB", "c.json", config({"region": "u" * MIB}), "is not an AWS region name")
    yield ("replicas without region", "c.json", config({"replicas": [replica()]}), "needs tableConfig.region")
    yield ("replicas not an array", "c.json", config(replicated(replica(), replicas={"region": "eu-west-1"})),
           "must be an array, found object")
    yield ("replica without key", "c.json", config(replicated({"region": "eu-west-1"})), 'missing required field "kmsKeyArn"')
    yield ("replica key of another region", "c.json", config(replicated(replica(region="eu-west-2"))),
           "is a key in eu-west-1, not in the replica's region eu-west-2")
    yield ("replica key of 1 MB", "c.json", config(replicated(replica(key=KEY_EU + "0" * MIB))), "is not a KMS key ARN")
    yield ("replica in the table's region", "c.json", config(replicated(replica(region="us-east-1", key=KEY_EU.replace("eu-west-1", "us-east-1")))),
           "is tableConfig.region")
    yield ("20,000 duplicate replicas", "c.json", config(replicated(*[replica()] * 20000)), "too many errors")
    yield ("replica read capacity on demand", "c.json", config(replicated(replica(readCapacity=5))),
           "readCapacity is only allowed with billingMode PROVISIONED")
    yield ("replica max units provisioned", "c.json",
           config(replicated(replica(maxReadRequestUnits=5),
                             **dict(provisioned(1), autoScaling={"write": {"minCapacity": 1, "maxCapacity": 5}}))),
           "maxReadRequestUnits is only allowed with billingMode PAY_PER_REQUEST")
    yield ("replica tag reserved", "c.json", config(replicated(replica(tags={"aws:x": "y"}))), 'reserved prefix "aws:"')
    yield ("replica unknown field", "c.json", config(replicated(replica(kmsKey="x"))), 'unknown field "kmsKey"')
    yield ("strong without replicas", "c.json", config({"multiRegionConsistency": "STRONG"}), "only allowed with replicas")
    yield ("strong across region sets", "c.json",
           config(replicated(replica(region="eu-west-1"), replica(region="us-east-2", key=KEY_EU.replace("eu-west-1", "us-east-2")),
                             multiRegionConsistency="STRONG")),
           "in one region set")
    yield ("witness without strong", "c.json", config(replicated(replica(), witnessRegion="us-west-2")),
           "witnessRegion is only allowed with multiRegionConsistency STRONG")
    yield ("global stream KEYS_ONLY", "c.json", config(replicated(replica(), stream="KEYS_ONLY")), "streams NEW_AND_OLD_IMAGES")
    yield ("global GSI fixed write capacity", "c.json",
           config(replicated(replica(), **dict(provisioned(1), autoScaling={"write": {"minCapacity": 1, "maxCapacity": 5}},
                                             globalSecondaryIndexes=[{"indexName": "abc", "partitionKey": "g", "writeCapacity": 2}]))),
           "writeCapacity is fixed, but a provisioned global table autoscales")

def designed(entities, collections=None):
    """A config with the seed's GSIs and these entities (and collections)."""
    doc = {"runtimeConfigKey": "t", "tableConfig": {"globalSecondaryIndexes": [
        {"indexName": "gsi1", "partitionKey": "gsi1pk", "sortKey": "gsi1sk"}]}, "entities": entities}
    if collections is not None:
        doc["collections"] = collections
    return json.dumps(doc).encode()


def entity(pk="A#{id}", sk="A", attributes=None, patterns=None, **keys):
    e = {"attributes": {"id": "S"} if attributes is None else attributes,
         "keys": dict({"table": {"pk": pk, "sk": sk}}, **keys)}
    if patterns is not None:
        e["accessPatterns"] = patterns
    return e


def entities():
    """Hostile values for the entities section: each one located line, never a crash or a hang."""
    yield ("entities as an array", "c.json", designed([]), "entities must be an object, found array")
    yield ("thousands of placeholders", "c.json", designed({"A": entity(pk="#".join(["{id}"] * 3000))}),
           "more than 32 placeholders")
    yield ("thousands of distinct placeholders", "c.json",
           designed({"A": entity(pk="#".join(f"{{a{i}}}" for i in range(3000)),
                                 attributes={f"a{i}": "S" for i in range(3000)})}), "more than 32 placeholders")
    yield ("unclosed brace", "c.json", designed({"A": entity(pk="A#{id")}), "is not closed")
    yield ("stray closing brace", "c.json", designed({"A": entity(pk="A#id}")}), "closes no placeholder")
    yield ("nested braces", "c.json", designed({"A": entity(pk="A#{{id}")}), "closes no placeholder")
    yield ("placeholder names a key attribute", "c.json", designed({"A": entity(pk="A#{gsi1pk}")}), "is a key attribute")
    yield ("attribute is a key attribute", "c.json", designed({"A": entity(attributes={"id": "S", "pk": "S"})}),
           "is a key attribute")
    yield ("python keyword attribute", "c.json", designed({"A": entity(attributes={"id": "S", "lambda": "S"})}),
           "Python keyword")
    yield ("python keyword pattern", "c.json", designed({"A": entity(patterns={"class": {"get": "table"}})}),
           "Python keyword")
    yield ("python keyword entity", "c.json", designed({"True": entity()}), "Python keyword")
    yield ("entity name with a dash", "c.json", designed({"A-b": entity()}), "Python class name")
    yield ("key over 2048 bytes", "c.json", designed({"A": entity(pk="P" * 2049)}), "at most 2048")
    yield ("sort key over 1024 bytes", "c.json", designed({"A": entity(sk="S" * 1025)}), "at most 1024")
    yield ("template as a number", "c.json", designed({"A": entity(pk=5)}), "must be a string, found integer")
    yield ("unknown index in keys", "c.json", designed({"A": entity(gsi9={"pk": "x"})}), 'unknown index "gsi9"')
    yield ("collision", "c.json", designed({"A": entity(), "B": entity()}), "[PRIMARY_KEY_COLLISION]")
    yield ("collection of one", "c.json", designed({"A": entity()}, {"c": {"query": "table", "entities": ["A"]}}),
           "two or more")
    yield ("too many entities", "c.json",
           designed({f"E{i}": {"keys": {"table": {"pk": f"E{i}", "sk": "x"}}} for i in range(1001)}),
           "at most 1000 entities")
    # Every pair of a thousand entities collides: at most 100 errors, within the bounds.
    yield ("a thousand colliding entities", "c.json",
           designed({f"E{i}": entity(sk="{id}") for i in range(1000)}), "too many errors")

# (name, ok config, config just past the bound, message substring for the one past it)
LIMITS = [
    ("entities sharing a prefix", designed({f"E{i}": entity(sk=f"S{i}#{{id}}") for i in range(1000)}),
     designed({f"E{i}": entity(sk=f"S{i}#{{id}}") for i in range(1001)}), "at most 1000 entities"),
    ("file size", padded(4 * MIB), padded(4 * MIB + 1), "larger than 4194304 bytes"),
    ("nesting", nested(63), nested(64), "nesting deeper than 64"),
    ("runtimeConfigKey length", config(runtimeConfigKey="k" * 255), config(runtimeConfigKey="k" * 256), "1-255"),
    ("runtimeConfigKey non-empty", config(runtimeConfigKey="k"), config(runtimeConfigKey=""), "1-255"),
    ("table name min", config({"tableName": "abc"}), config({"tableName": "ab"}), "not a valid table name"),
    ("table name max", config({"tableName": "n" * 255}), config({"tableName": "n" * 256}), "not a valid table"),
    ("local table name max", config(localDev={"tableName": "n" * 255}), config(localDev={"tableName": "n" * 256}),
     "not a valid table name"),
    ("index name min", config({"globalSecondaryIndexes": [{"indexName": "abc", "partitionKey": "p"}]}),
     config({"globalSecondaryIndexes": [{"indexName": "ab", "partitionKey": "p"}]}), "is not valid"),
    ("index name max", config({"localSecondaryIndexes": [{"indexName": "i" * 255, "sortKey": "s"}]}),
     config({"localSecondaryIndexes": [{"indexName": "i" * 256, "sortKey": "s"}]}), "is not valid"),
    ("attribute name bytes", config({"partitionKey": "a" * 255}), config({"partitionKey": "a" * 256}),
     "1-255 bytes"),
    ("attribute name multibyte", config({"sortKey": "\u00fc" * 127 + "a"}), config({"sortKey": "\u00fc" * 128}),
     "found 256"),
    ("attribute name non-empty", config({"timeToLiveAttribute": "a"}), config({"timeToLiveAttribute": ""}),
     "found 0"),
    ("GSIs", config({"globalSecondaryIndexes": gsis(20)}), config({"globalSecondaryIndexes": gsis(21)}),
     "at most 20 global secondary indexes"),
    ("LSIs", config({"localSecondaryIndexes": lsis(5)}), config({"localSecondaryIndexes": lsis(6)}),
     "at most 5 local secondary indexes"),
    ("non-key attributes", config(include(100)), config(include(101)), "at most 100 distinct nonKeyAttributes"),
    ("tags", config(tags(50)), config(tags(51)), "at most 50 tags"),
    ("tag key length", config(tags(1, key_len=128)), config(tags(1, key_len=129)), "1-128 characters"),
    ("tag value length", config(tags(1, value_len=256)), config(tags(1, value_len=257)), "at most 256"),
    ("role name length", grant("r" * 64), grant("r" * 65), "not an IAM role name"),
    ("role ARN name length", grant("arn:aws:iam::123456789012:role/" + "r" * 64),
     grant("arn:aws:iam::123456789012:role/" + "r" * 65), "not an IAM role ARN"),
    ("stack name length", config(cdk={"stackName": "S" * 128}), config(cdk={"stackName": "S" * 129}),
     "not a valid stack name"),
    ("capacity min", config(provisioned(1)), config(provisioned(0)), "between 1 and"),
    ("capacity max", config(provisioned(2**53 - 1)), config(provisioned(2**53)), "between 1 and"),
    ("GSI capacity max", config(provisioned(1, gsi=2**53 - 1)), config(provisioned(1, gsi=2**53)),
     "between 1 and"),
    ("port min", config(localDev={"tableName": "abc", "port": 1}),
     config(localDev={"tableName": "abc", "port": 0}), "between 1 and 65535"),
    ("port max", config(localDev={"tableName": "abc", "port": 65535}),
     config(localDev={"tableName": "abc", "port": 65536}), "between 1 and 65535"),
    # Round 2.
    ("max units min", config({"maxReadRequestUnits": 1}), config({"maxReadRequestUnits": 0}), "between 1 and"),
    ("warm throughput min", config({"warmThroughput": {"readUnitsPerSecond": 1}}),
     config({"warmThroughput": {"readUnitsPerSecond": 0}}), "between 1 and"),
    ("scaling capacity at min", config(scaled({"minCapacity": 10})), config(scaled({"minCapacity": 11})),
     "outside tableConfig.autoScaling.read [11, 100]"),
    ("scaling capacity at max", config(scaled({"maxCapacity": 10})), config(scaled({"maxCapacity": 9})),
     "outside tableConfig.autoScaling.read [1, 9]"),
    ("scaling max capacity", config(scaled({"maxCapacity": 2**31 - 1})), config(scaled({"maxCapacity": 2**31})),
     "between 1 and 2147483647"),
    ("target utilization min", config(scaled({"targetUtilization": 10})), config(scaled({"targetUtilization": 9})),
     "between 10 and 90"),
    ("target utilization max", config(scaled({"targetUtilization": 90})), config(scaled({"targetUtilization": 91})),
     "between 10 and 90"),
    ("global target utilization min",
     config(replicated(replica(), **dict(provisioned(1), autoScaling={"write": {"minCapacity": 1, "maxCapacity": 5, "targetUtilization": 20}}))),
     config(replicated(replica(), **dict(provisioned(1), autoScaling={"write": {"minCapacity": 1, "maxCapacity": 5, "targetUtilization": 19}}))),
     "at least 20 on a table with replicas"),
    ("cooldown min", config(scaled({"scaleInCooldown": 0})), config(scaled({"scaleInCooldown": -1})), "between 0 and"),
    ("cooldown max", config(scaled({"scaleOutCooldown": 2**31 - 1})), config(scaled({"scaleOutCooldown": 2**31})),
     "between 0 and 2147483647"),
    ("pitr period min", config({"pointInTimeRecoveryPeriodDays": 1}), config({"pointInTimeRecoveryPeriodDays": 0}),
     "between 1 and 35"),
    ("pitr period max", config({"pointInTimeRecoveryPeriodDays": 35}), config({"pointInTimeRecoveryPeriodDays": 36}),
     "between 1 and 35"),
    ("kinesis stream name", config({"kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/" + "s" * 128}}),
     config({"kinesisStream": {"streamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/" + "s" * 129}}),
     "is not a Kinesis stream ARN"),
    ("bucket name min", config(imported(bucket="abc")), config(imported(bucket="ab")), "3-63 characters"),
    ("bucket name max", config(imported(bucket="b" * 63)), config(imported(bucket="b" * 64)), "3-63 characters"),
    ("key prefix", config(imported(keyPrefix="k" * 1024)), config(imported(keyPrefix="k" * 1025)), "at most 1024 bytes"),
    ("csv header", config(imported(csvHeader=[f"c{i}" for i in range(255)])),
     config(imported(csvHeader=[f"c{i}" for i in range(256)])), "must list 1-255 attribute names"),
    ("resource policy size", config(policy_of_size(20480)), config(policy_of_size(20481)), "DynamoDB accepts at most 20480"),
    ("resource ARN length", config(policy(statement(Resource="arn:aws:dynamodb:*:*:table/" + "t" * 2021))),
     config(policy(statement(Resource="arn:aws:dynamodb:*:*:table/" + "t" * 2022))), "at most 2048 characters"),
    ("strong regions", config(replicated(replica(region="us-east-2", key=KEY_EU.replace("eu-west-1", "us-east-2")),
                                         multiRegionConsistency="STRONG", witnessRegion="us-west-2")),
     config(replicated(replica(region="us-east-2", key=KEY_EU.replace("eu-west-1", "us-east-2")),
                       multiRegionConsistency="STRONG", witnessRegion="us-east-2")),
     "witnessRegion \"us-east-2\" is also a replica region"),
]


class Run:
    def __init__(self, args, cwd):
        out, err = os.path.join(cwd, "stdout"), os.path.join(cwd, "stderr")
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                if RSS_FACTOR == 1:  # address space, as `ulimit -v` (ASan reserves terabytes)
                    limit = 4 * MAX_RSS_MB * MIB
                    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
                os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
                os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
                os.execv(args[0], args)
            finally:
                os._exit(127)
        deadline = start + 20 * SECONDS * TIME_FACTOR
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                done, status, usage = os.wait4(pid, 0)
                break
            time.sleep(0.002)
        self.seconds = time.monotonic() - start
        self.cpu_seconds = usage.ru_utime + usage.ru_stime
        self.rc = os.waitstatus_to_exitcode(status)
        self.rss_mb = usage.ru_maxrss / 1024
        self.stdout = open(out, "rb").read().decode("utf-8", "replace")
        self.stderr = open(err, "rb").read().decode("utf-8", "replace")


failures = 0
worst = {"cpu": (0.0, ""), "rss": (0.0, "")}


def check(name, ok, detail=""):
    global failures
    if not ok:
        failures += 1
        print(f"FAIL: {name}{': ' + detail if detail else ''}")


# CPU time, not wall time, is held to the second: the machine may be busy with other builds. Wall time
# only has to show that nothing blocked.
def bounded(name, r):
    worst["cpu"] = max(worst["cpu"], (r.cpu_seconds, name))
    worst["rss"] = max(worst["rss"], (r.rss_mb, name))
    check(f"{name}: within {SECONDS * TIME_FACTOR:g} s of CPU", r.cpu_seconds < SECONDS * TIME_FACTOR,
          f"{r.cpu_seconds:.2f} s")
    check(f"{name}: within {5 * SECONDS * TIME_FACTOR:g} s", r.seconds < 5 * SECONDS * TIME_FACTOR, f"{r.seconds:.2f} s")
    check(f"{name}: under {MAX_RSS_MB * RSS_FACTOR} MB", r.rss_mb < MAX_RSS_MB * RSS_FACTOR, f"{r.rss_mb:.0f} MB")


def refused(name, path, message, work):
    """validate and synth both exit 2, with located one-line errors naming `path`, writing nothing."""
    for command in (["validate", path], ["synth", path, "--target", "cloudformation", "--out", work + "/out"]):
        label = f"{name} ({command[0]})"
        r = Run([BIN] + command, work)
        check(f"{label}: exit 2", r.rc == 2, f"exit {r.rc}, stderr {r.stderr[:300]!r}")
        lines = r.stderr.splitlines()
        located = re.compile(re.escape(path) + r":\d+:\d+: error: \S")
        check(f"{label}: every stderr line is located", bool(lines) and all(located.match(l) for l in lines),
              repr(r.stderr[:300]))
        check(f"{label}: stderr lines end in a newline", r.stderr.endswith("\n"))
        check(f"{label}: no more than 101 errors", len(lines) <= 101, f"{len(lines)} lines")
        if "too many errors" not in message:
            check(f"{label}: one line", len(lines) == 1, repr(r.stderr[:300]))
        check(f"{label}: says {message!r}", message in r.stderr, repr(r.stderr[:300]))
        check(f"{label}: nothing on stdout", r.stdout == "", repr(r.stdout[:200]))
        bounded(label, r)
    check(f"{name}: nothing written", not os.path.exists(work + "/out"))


def accepted(name, path, work):
    r = Run([BIN, "validate", path], work)
    check(f"{name} at its bound: exit 0", r.rc == 0, f"exit {r.rc}, stderr {r.stderr[:300]!r}")
    bounded(f"{name} at its bound", r)
    out = work + "/ok"
    r = Run([BIN, "synth", path, "--target", "cloudformation", "--out", out, "--quiet"], work)
    check(f"{name} at its bound: synth exits 0", r.rc == 0, f"exit {r.rc}, stderr {r.stderr[:300]!r}")
    bounded(f"{name} at its bound: synth", r)
    shutil.rmtree(out, ignore_errors=True)


BIN = os.path.abspath(sys.argv[1])
cases = 2 * len(LIMITS) + 2
with tempfile.TemporaryDirectory() as work:
    for name, file, data, message in hostile():
        if "larger than" not in message:
            assert len(data) <= 4 * MIB, f"{name}: {len(data)} bytes, over the size limit"
        path = os.path.join(work, file)
        open(path, "wb").write(data)
        del data
        refused(name, path, message, work)
        cases += 1
    for name, ok, past, message in LIMITS:
        path = os.path.join(work, "c.json")
        open(path, "wb").write(ok)
        if name == "nesting":  # 63 levels read fine, then the schema wants a string
            refused(name + " at its bound", path, "$schema must be a string, found array", work)
        else:
            accepted(name, path, work)
        open(path, "wb").write(past)
        refused(name + " past its bound", path, message, work)
    # The fuzzer's regression inputs (fuzz/corpus: a first byte picks JSON or YAML, as in
    # fuzz/config_fuzzer.cpp): accepted, or refused with located one-line errors; bounded.
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fuzz", "corpus")
    for entry in sorted(os.listdir(corpus)):
        data = open(os.path.join(corpus, entry), "rb").read()
        path = os.path.join(work, "fuzz.yaml" if data and data[0] & 1 else "fuzz.json")
        open(path, "wb").write(data[1:])
        for command in (["validate", path], ["synth", path, "--out", work + "/fuzz-out", "--quiet"]):
            label = f"fuzz/corpus/{entry} ({command[0]})"
            r = Run([BIN] + command, work)
            check(f"{label}: exit 0 or 2", r.rc in (0, 2), f"exit {r.rc}, stderr {r.stderr[:300]!r}")
            located = re.compile(re.escape(path) + r":\d+:\d+: error: \S")
            if r.rc == 2:
                check(f"{label}: located errors", all(located.match(l) for l in r.stderr.splitlines()),
                      repr(r.stderr[:300]))
            bounded(label, r)
        shutil.rmtree(work + "/fuzz-out", ignore_errors=True)
        cases += 1
    # Devices and endless input: read no further than the size limit.
    refused("/dev/zero", "/dev/zero", "larger than 4194304 bytes", work)
    refused("/dev/urandom", "/dev/urandom", "", work)

print(f"{cases} cases, {failures} failures; most CPU {worst['cpu'][0]:.2f} s ({worst['cpu'][1]}), "
      f"most memory {worst['rss'][0]:.0f} MB ({worst['rss'][1]})")
sys.exit(1 if failures else 0)
