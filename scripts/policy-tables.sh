#!/usr/bin/env bash
# Reproduces the SFT tables of docs/results/policy.md from a pretrained base:
#   1. one adapter per benchmark task on the frozen base, for K = 1 and K = 50 demonstrations,
#      the same recipe and stopping rule (a fixed number of steps) for both; the two K run side
#      by side, one libtorch thread each (one per core on a 2-core machine);
#   2. evaluation of both on 50 held-out seeds per task, greedy and sampled (T = 1.6).
# Usage: scripts/policy-tables.sh [BASE_BUNDLE_DIR]   (default runs/pretrain/bundle)
# Environment: VLARL_SFT_STEPS (default 1500), VLARL_EPISODES (default 50), VLARL_DEMOS (default
# runs/demos: ./vlarl demos --task benchmark --episodes 50 --out runs/demos), VLARL_RUN_PREFIX
# (default runs/sft: run directories PREFIX-k1 and PREFIX-k50, logs PREFIX-k1.log and PREFIX-k1-eval.log).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BASE=${1:-runs/pretrain/bundle}
STEPS=${VLARL_SFT_STEPS:-1500}
EPISODES=${VLARL_EPISODES:-50}
DEMOS=${VLARL_DEMOS:-runs/demos}
PREFIX=${VLARL_RUN_PREFIX:-runs/sft}
[ -f "$BASE/policy.base.vlck" ] || { echo "no pretrained base in $BASE (run ./vlarl pretrain first)" >&2; exit 2; }
./vlarl info >/dev/null  # builds what is missing once, before the parallel jobs start
pids=()
for K in 1 50; do
  ./vlarl sft --base "$BASE" --tasks benchmark --demos "$K" --demos-dir "$DEMOS" --steps "$STEPS" \
    --run "$PREFIX-k$K" >"$PREFIX-k$K.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
pids=()
for K in 1 50; do
  ./vlarl eval --checkpoint "$PREFIX-k$K/bundle" --tasks benchmark --episodes "$EPISODES" \
    --decoding greedy,sampled --json "$PREFIX-k$K/eval.json" >"$PREFIX-k$K-eval.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
tail -n 25 "$PREFIX-k1-eval.log" "$PREFIX-k50-eval.log"
