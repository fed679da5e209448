#!/usr/bin/env python3
"""Side-by-side markdown table of `./vlarl eval --json` results.

Usage: scripts/eval-table.py [--decoding greedy,sampled] LABEL=FILE[+FILE...] ...

Each column is one policy: one or more eval JSON files whose task rows are pooled (an SFT run
split over two jobs gives two bundles, each evaluated on its own tasks). A column holds one
cell per decoding asked for. Suite and average rows pool the task counts and carry their own
95% Wilson interval, as `vlarl eval` prints them. Tasks a column lacks show as "-".
"""
import argparse
import json
import math
from collections import OrderedDict

SUITES = ["spatial", "object", "goal", "long", "pretrain"]


def wilson(k, n, z=1.959963984540054):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def cell(k, n):
    if n == 0:
        return "-"
    lo, hi = wilson(k, n)
    return f"{100 * k / n:.0f}% [{100 * lo:.0f}, {100 * hi:.0f}] ({k}/{n})"


def load(spec):
    rows = {}
    for path in spec.split("+"):
        with open(path) as f:
            for t in json.load(f)["tasks"]:
                # "sampled T=1.6" -> "sampled": the temperature is in the file, not the column
                rows[(t["task"], t["decoding"].split()[0])] = (t["successes"], t["episodes"])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--decoding", default="greedy", help="comma-separated decodings per column (default greedy)")
    ap.add_argument("columns", nargs="+", metavar="LABEL=FILE[+FILE...]")
    a = ap.parse_args()
    decodings = a.decoding.split(",")
    cols = OrderedDict()
    for c in a.columns:
        label, _, spec = c.rpartition("=")  # labels may hold "=" (K=1), paths rarely do
        if not spec:
            ap.error(f"column '{c}' is not LABEL=FILE")
        cols[label] = load(spec)
    tasks = []
    for rows in cols.values():
        for task, _ in rows:
            if task not in tasks:
                tasks.append(task)
    first = {t: i for i, t in enumerate(tasks)}
    tasks.sort(key=lambda t: (SUITES.index(t.split("/")[0]) if t.split("/")[0] in SUITES else 99, first[t]))
    head = ["task"] + [f"{label} {d}" if len(decodings) > 1 else label for label in cols for d in decodings]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for t in tasks:
        cells = [cell(*cols[l].get((t, d), (0, 0))) for l in cols for d in decodings]
        print(f"| {t} | " + " | ".join(cells) + " |")
    groups = [s for s in SUITES if any(t.startswith(s + "/") for t in tasks)] + ["average"]
    for g in groups:
        cells = []
        for l in cols:
            for d in decodings:
                k = n = 0
                for t in tasks:
                    if (g == "average" or t.startswith(g + "/")) and (t, d) in cols[l]:
                        k += cols[l][(t, d)][0]
                        n += cols[l][(t, d)][1]
                cells.append(cell(k, n))
        print(f"| **{g}** | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
