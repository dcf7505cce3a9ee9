#!/usr/bin/env python3
"""Whole-process benchmark: N-table config sets through each target, against real aws-cdk-lib.

Generates N configs (N = 1, 100, 1000, 10000 by default; provisioned and autoscaled, the table
and each index, as a production table is), runs `ddbsynth synth` once per target
over all of them, and reports wall time, time per table and peak RSS, then the time of real
aws-cdk-lib synthesizing one table (the construct tree `cdk synth` runs), measured in this same run.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = ["cloudformation", "terraform", "cdk"]


def make_config(i):
    key = f"table{i:05d}"
    return {
        "runtimeConfigKey": key,
        "localDev": {"port": 8000 + i % 1000, "tableName": f"{key}-local"},
        "tableConfig": {
            "billingMode": "PROVISIONED",
            "readCapacity": 10,
            "writeCapacity": 5,
            "autoScaling": {
                "read": {"minCapacity": 5, "maxCapacity": 100},
                "write": {"minCapacity": 5, "maxCapacity": 50, "targetUtilization": 60, "scaleInCooldown": 60},
            },
            "stream": "NEW_AND_OLD_IMAGES" if i % 3 == 0 else None,
            "timeToLiveAttribute": "expiresAt",
            "tags": {"team": f"team{i % 17}", "cost-center": str(1000 + i % 50)},
            "localSecondaryIndexes": [{"indexName": "byCreated", "sortKey": "createdAt"}] if i % 2 else [],
            "globalSecondaryIndexes": [
                {"indexName": f"gsi{g}pk-gsi{g}sk-index", "partitionKey": f"gsi{g}pk", "sortKey": f"gsi{g}sk",
                 "autoScaling": {"read": {"minCapacity": 5, "maxCapacity": 100}}}
                for g in range(1, 2 + i % 4)
            ],
        },
        "grants": [{"role": f"{key}-handler", "access": "readWrite"}, {"role": f"{key}-reader", "access": "read"}],
    }


def write_configs(n, directory):
    paths = []
    for i in range(n):
        cfg = make_config(i)
        cfg["tableConfig"] = {k: v for k, v in cfg["tableConfig"].items() if v is not None}
        path = os.path.join(directory, f"table{i:05d}.json")
        with open(path, "w") as f:
            json.dump(cfg, f)
        paths.append(path)
    return paths


def measure(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd[:4])} ...\n{err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def available_targets(binary):
    out = subprocess.run([binary, "targets"], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0] for line in out.splitlines() if line.strip()}
    return [t for t in TARGETS if t in names]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ddbsynth", default=os.path.join(ROOT, "build", "ddbsynth"))
    ap.add_argument("--sizes", default="1,100,1000,10000")
    ap.add_argument("--jobs", type=int, default=0, help="--jobs for ddbsynth (0: its default, all cores)")
    ap.add_argument("--no-cdk", action="store_true", help="skip the real aws-cdk-lib measurement")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per measurement up to 1,000 tables; the fastest counts (default 3)")
    args = ap.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    targets = available_targets(args.ddbsynth)
    work = tempfile.mkdtemp(prefix="ddbsynth-bench-")
    rows, totals = [], {}
    try:
        for n in sizes:
            cfgdir = os.path.join(work, f"configs-{n}")
            os.makedirs(cfgdir)
            paths = write_configs(n, cfgdir)
            totals[n] = 0.0
            for target in targets:
                best = None
                # Each run writes a fresh directory, removed only at the end: deleting thousands of
                # files while the next run creates its own would time the file system, not ddbsynth.
                for r in range(args.repeat if n <= 1000 else 1):
                    out = os.path.join(work, f"out-{n}-{target}-{r}")
                    cmd = [args.ddbsynth, "synth", *paths, "--target", target, "--out", out, "--quiet"]
                    if args.jobs:
                        cmd += ["--jobs", str(args.jobs)]
                    m = measure(cmd)
                    best = m if best is None or m[0] < best[0] else best
                wall, rss, cpu = best
                totals[n] += wall
                rows.append((n, target, wall, wall / n * 1e3, rss, cpu))
        cdk = None
        if not args.no_cdk:
            cfg = os.path.join(work, "configs-cdk")
            os.makedirs(cfg)
            one = write_configs(1, cfg)
            # The fastest of the runs, as for ddbsynth: the comparison favours the CDK, not us.
            cdk = min(measure(["node", os.path.join(ROOT, "tests", "conformance", "cdk-app.js"),
                               os.path.join(work, f"cdk-out-{r}"), *one])[0] for r in range(args.repeat))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"ddbsynth: {args.ddbsynth}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
          f"targets: {', '.join(targets)}\n")
    print("| tables | target | wall (s) | per table (ms) | CPU (s) | peak RSS (MB) |")
    print("|---:|---|---:|---:|---:|---:|")
    for n, target, wall, per, rss, cpu in rows:
        print(f"| {n} | {target} | {wall:.3f} | {per:.3f} | {cpu:.3f} | {rss:.1f} |")
    print()
    for n in sizes:
        line = f"all targets, {n} tables: {totals[n]:.3f} s"
        if cdk:
            line += f" ({totals[n] / cdk:.2f}x real aws-cdk-lib for one table: {cdk:.3f} s)"
        print(line)
    if 100 in totals and 1000 in totals:
        print(f"scaling 100 -> 1000 tables: {totals[1000] / totals[100]:.1f}x the time")


if __name__ == "__main__":
    main()
