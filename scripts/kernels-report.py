#!/usr/bin/env python3
"""Turns the kernels JMH JSON into the tables of docs/results/kernels.md.

    python3 scripts/kernels-report.py docs/results/kernels.json [docs/results/kernels-malloc-default.json]

Prints markdown: per kernel, T and threads: fused, composite, the read+write bound (all
ms/op, mean +- JMH's 99.9% error), fused speed-up over composite, and the bound's share
of the fused time (100% = the fused kernel runs at memory speed).
"""
import json, sys
from collections import defaultdict

def load(path):
    rows = defaultdict(dict)
    for r in json.load(open(path)):
        cls, meth = r["benchmark"].split(".")[-2:]
        p = r["params"]
        m = r["primaryMetric"]
        rows[(cls, int(p["tokens"]), int(p["threads"]))][meth] = (m["score"], m["scoreError"])
    return rows

def fmt(v):
    s, e = v
    return f"{s:.3f} ± {e:.3f}" if e == e else f"{s:.3f}"

main = load(sys.argv[1])
alt = load(sys.argv[2]) if len(sys.argv) > 2 else {}
names = {"GrpoLossBenchmark": "GRPO loss, forward + backward", "LogProbBenchmark": "log-prob", "SampleBenchmark": "sampling (token + log-prob)"}
for cls in ["GrpoLossBenchmark", "LogProbBenchmark", "SampleBenchmark"]:
    keys = sorted(k for k in main if k[0] == cls)
    if not keys:
        continue
    print(f"\n### {names[cls]} ({cls})\n")
    hdr = "| T | threads | fused ms | composite ms | speed-up | read+write bound ms | bound / fused |"
    if alt:
        hdr += " composite ms, glibc default malloc |"
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for k in keys:
        r = main[k]
        f, c, b = r.get("b01_fused"), r.get("b02_composite"), r.get("b00_bound_readWrite")
        line = f"| {k[1]} | {k[2]} | {fmt(f)} | {fmt(c)} | {c[0] / f[0]:.1f}x | {fmt(b)} | {100 * b[0] / f[0]:.0f}% |"
        if alt:
            a = alt.get(k, {}).get("b02_composite")
            line += f" {fmt(a)} |" if a else " - |"
        print(line)
