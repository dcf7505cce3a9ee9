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
    yield ("1,000,001 values", "c.json", b"[" + b",".join([b"0"] * 1000001) + b"]", "more than 1000000 values")
    yield ("350,000 unknown fields", "c.json",
           b'{"runtimeConfigKey": "t", ' + b", ".join(b'"%x": 0' % i for i in range(350000)) + b"}",
           "too many errors, stopping after 100")
    yield ("250,000 tags", "c.json", config({"tags": {f"k{i:x}": "v" for i in range(250000)}}), "at most 50 tags")
    yield ("300,000 nonKeyAttributes", "c.json", config(include(300000)), "at most 100 distinct")
    yield ("60,000 GSIs", "c.json", config({"globalSecondaryIndexes": gsis(60000)}), "at most 20 global")
    yield ("100,000 duplicate grants", "c.json",
           config(grants=[{"role": "r", "access": "read"}] * 100000), "too many errors")
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

# (name, ok config, config just past the bound, message substring for the one past it)
LIMITS = [
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
