#!/usr/bin/env python3
"""Benchmark of the design review: `validate` and `model` of a generated single-table design with
200 entities, 20 GSIs and 2,000 access patterns. Measures whole processes; asserts nothing.

usage: bench/design.py [--runs N] [--ddbsynth PATH] [--write FILE]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTITIES, GSIS, PATTERNS_PER_ENTITY = 200, 20, 10


def make_design():
    gsis = [{"indexName": f"gsi{g}", "partitionKey": f"gsi{g}pk", "sortKey": f"gsi{g}sk"} for g in range(GSIS)]
    entities = {}
    for i in range(ENTITIES):
        name = f"Entity{i:03d}"
        own, parent, by_type = f"gsi{i % GSIS}", f"gsi{(i + 1) % GSIS}", f"gsi{(i + 2) % GSIS}"
        keys = {
            "table": {"pk": f"E{i}#{{id}}", "sk": f"E{i}#{{id}}"},
            own: {"pk": f"PARENT#{{parentId}}", "sk": f"E{i}#{{createdAt}}#{{id}}"},
            parent: {"pk": f"E{i}#{{parentId}}", "sk": f"{{createdAt}}"},
            by_type: {"pk": f"TYPE#E{i}", "sk": f"{{createdAt}}"},
        }
        patterns = {
            "get_by_id": {"get": "table"},
            "list_by_parent": {"query": own},
            "list_by_parent_since": {"query": own, "sk": {"prefix": ["createdAt"]}, "order": "desc"},
            "children": {"query": parent},
            "children_between": {"query": parent, "sk": {"between": "createdAt"}},
            "children_after": {"query": parent, "sk": {">": "createdAt"}},
            "recent": {"query": by_type, "order": "desc"},
            "recent_before": {"query": by_type, "sk": {"<": "createdAt"}},
            "recent_between": {"query": by_type, "sk": {"between": "createdAt"}, "order": "desc"},
            "at": {"query": by_type, "sk": {"=": "createdAt"}},
        }
        entities[name] = {
            "attributes": {"id": "S", "parentId": "S", "createdAt": {"type": "S", "default": "now"},
                           "name": "S", "size": "N?", "tags": "SS?"},
            "keys": keys, "accessPatterns": patterns}
    assert sum(len(e["accessPatterns"]) for e in entities.values()) == ENTITIES * PATTERNS_PER_ENTITY
    return {"runtimeConfigKey": "bench", "tableConfig": {"globalSecondaryIndexes": gsis}, "entities": entities}


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return r.returncode, times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--ddbsynth", default=os.path.join(ROOT, "build", "ddbsynth"))
    ap.add_argument("--write", help="write the generated design here and stop")
    args = ap.parse_args()
    design = make_design()
    if args.write:
        json.dump(design, open(args.write, "w"), indent=1)
        return
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "design.json")
        json.dump(design, open(path, "w"), indent=1)
        size = os.path.getsize(path)
        print(f"design: {ENTITIES} entities, {GSIS} GSIs, {ENTITIES * PATTERNS_PER_ENTITY} access patterns, {size} bytes")
        for cmd in (["validate", path], ["model", path, "--format", "json"]):
            rc, times = timed([args.ddbsynth] + cmd, args.runs)
            print(f"ddbsynth {cmd[0]:<8} exit {rc}  median {statistics.median(times) * 1000:7.1f} ms  "
                  f"min {min(times) * 1000:7.1f} ms  max {max(times) * 1000:7.1f} ms  ({args.runs} runs)")


if __name__ == "__main__":
    main()
