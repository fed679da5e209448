#!/usr/bin/env bash
# Runs the kernels JMH benchmarks the way docs/results/kernels.md reports them:
#   1. all three kernels, fused vs composite vs the read+write bound, T = 4k/16k/64k, 1 and
#      2 threads, under the launcher's settings (malloc that keeps memory, AVX-512 ATen);
#   2. the composite path again with glibc's default malloc (VLARL_MALLOC=default).
# Waits for any other JMH run to finish (/tmp/jmh.lock), then up to VLARL_QUIET_WAIT
# seconds (default 600) for a 1-minute load below 0.7, and
# records the load before and after each run in docs/results/kernels-load.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUTDIR=docs/results
mkdir -p "$OUTDIR"
JMH_OPTS=(${VLARL_JMH_OPTS:--wi 2 -i 4 -w 1s -r 1s -f 1})
wait_quiet() {
  local waited=0
  # one JMH at a time on this machine (JMH itself refuses a second); wait up to 30 min
  while pgrep -f 'vlarl-bench\.jar|jmh\.runner\.ForkedMain' >/dev/null && [ "$waited" -lt 1800 ]; do
    sleep 10; waited=$((waited + 10))
  done
  waited=0
  while awk '{exit !($1 >= 0.7)}' /proc/loadavg && [ "$waited" -lt "${VLARL_QUIET_WAIT:-600}" ]; do
    sleep 15; waited=$((waited + 15))
  done
}
: >"$OUTDIR/kernels-load.txt"
wait_quiet
echo "run 1 (malloc keep) start: $(cat /proc/loadavg)" >>"$OUTDIR/kernels-load.txt"
./vlarl bench 'dev.vlarl.bench.kernels.(GrpoLoss|LogProb|Sample)Benchmark' "${JMH_OPTS[@]}" \
  -rf json -rff "$OUTDIR/kernels.json" | tee build/kernels-bench.log | grep -E "^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)"
echo "run 1 end: $(cat /proc/loadavg)" >>"$OUTDIR/kernels-load.txt"
wait_quiet
echo "run 2 (malloc default, composite only) start: $(cat /proc/loadavg)" >>"$OUTDIR/kernels-load.txt"
VLARL_MALLOC=default ./vlarl bench 'dev.vlarl.bench.kernels.(GrpoLoss|LogProb|Sample)Benchmark.b02_composite' \
  "${JMH_OPTS[@]}" -rf json -rff "$OUTDIR/kernels-malloc-default.json" | grep -E "^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)"
echo "run 2 end: $(cat /proc/loadavg)" >>"$OUTDIR/kernels-load.txt"
python3 scripts/kernels-report.py "$OUTDIR/kernels.json" "$OUTDIR/kernels-malloc-default.json" >"$OUTDIR/kernels-tables.md"
