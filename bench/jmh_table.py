#!/usr/bin/env python3
"""Markdown tables from a JMH JSON result file (-rf json), one table per benchmark class.

    python3 bench/jmh_table.py docs/results/downcall.json [Class=reference_method ...]

The ratio column divides each score by the score of the reference method of the same class
with the same parameters (default: the class's b00 method). Parameters the reference does
not take (a state used only by some variants) are ignored when matching.
"""
import json, sys
from collections import defaultdict

path, refs = sys.argv[1], dict(a.split('=', 1) for a in sys.argv[2:])
rows = json.load(open(path))
by_class = defaultdict(list)
for r in rows:
    cls, method = r['benchmark'].rsplit('.', 1)
    by_class[cls.rsplit('.', 1)[1]].append((method, r.get('params') or {}, r['primaryMetric']))

def fmt(x):
    return f'{x:,.1f}' if x < 1e4 else f'{x:,.0f}'

for cls, items in by_class.items():
    ref_name = refs.get(cls) or min(m for m, _, _ in items)
    refs_by_params = [(p, pm['score']) for m, p, pm in items if m == ref_name]
    def ref_score(params):
        for p, s in refs_by_params:
            if all(params.get(k) == v for k, v in p.items()):
                return s
        return None
    pkeys = sorted({k for _, p, _ in items for k in p})
    unit = items[0][2]['scoreUnit']
    print(f'\n**{cls}** (ratio: score / `{ref_name}` with the same parameters)\n')
    print('| benchmark | ' + ''.join(f'{k} | ' for k in pkeys) + f'score ({unit}) | error (99.9%) | ratio |')
    print('|---|' + '---:|' * len(pkeys) + '---:|---:|---:|')
    for m, p, pm in items:
        rs = ref_score(p)
        ratio = f'{pm["score"] / rs:.2f}' if rs else 'n/a'
        err = pm.get('scoreError')
        err = fmt(err) if isinstance(err, (int, float)) and err == err else 'n/a'
        print(f'| `{m}` | ' + ''.join(f'{p.get(k, "-")} | ' for k in pkeys)
              + f'{fmt(pm["score"])} | ± {err} | {ratio} |')
