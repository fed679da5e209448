#!/usr/bin/env bash
# Reproduces the SFT tables of docs/results/policy.md from a pretrained base:
#   1. one adapter per benchmark task on the frozen base, for K = 1 and K = 50 demonstrations,
#      the same recipe and stopping rule (a fixed number of steps) for both;
#   2. evaluation on 50 held-out seeds per task, greedy and sampled (T = 1.6).
# Two lanes run side by side, one libtorch thread each (one per core on a 2-core machine); each
# lane trains and then evaluates its adapters, independently of the other. With both K, a lane
# is one K over all 13 tasks; with one K (VLARL_KS=50), the tasks are split in two lanes of about
# equal training time (the probe tasks yellow_cylinder_in_bin and both_cubes_in_bin first).
# Usage: scripts/policy-tables.sh [BASE_BUNDLE_DIR]   (default runs/pretrain/bundle)
# Environment: VLARL_KS (default "1 50"), VLARL_SFT_STEPS (default 1500), VLARL_EPISODES
# (default 50), VLARL_DECODING (default greedy,sampled), VLARL_DEMOS (default runs/demos:
# ./vlarl demos --task benchmark --episodes 50 --out runs/demos), VLARL_RUN_PREFIX (default
# runs/sft: run directories PREFIX-k<K>[-a|-b], each with its log, eval log and eval.json).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BASE=${1:-runs/pretrain/bundle}
KS=${VLARL_KS:-1 50}
STEPS=${VLARL_SFT_STEPS:-1500}
EPISODES=${VLARL_EPISODES:-50}
DECODING=${VLARL_DECODING:-greedy,sampled}
DEMOS=${VLARL_DEMOS:-runs/demos}
PREFIX=${VLARL_RUN_PREFIX:-runs/sft}
[ -f "$BASE/policy.base.vlck" ] || { echo "no pretrained base in $BASE (run ./vlarl pretrain first)" >&2; exit 2; }
./vlarl info >/dev/null  # builds what is missing once, before the parallel jobs start

LANE_A=object/yellow_cylinder_in_bin,object/green_cylinder_on_plate,object/blue_cube_on_plate,spatial/front_cube_on_plate,spatial/back_cube_on_plate,spatial/left_cube_to_bin,spatial/right_cube_to_bin
LANE_B=long/both_cubes_in_bin,goal/push_red_cube_to_blue_zone,long/drawer_then_cube,long/cube_on_plate_and_cylinder_in_bin,goal/open_drawer,goal/press_button

lane() {  # K TASKS RUN
  ./vlarl sft --base "$BASE" --tasks "$2" --demos "$1" --demos-dir "$DEMOS" --steps "$STEPS" --run "$3" >"$3.log" 2>&1
  ./vlarl eval --checkpoint "$3/bundle" --tasks "$2" --episodes "$EPISODES" --decoding "$DECODING" \
    --json "$3/eval.json" >"$3-eval.log" 2>&1
}

read -r -a ks <<<"$KS"
runs=()
if [ "${#ks[@]}" -eq 1 ]; then
  lane "${ks[0]}" "$LANE_A" "$PREFIX-k${ks[0]}-a" & pids=($!); runs+=("$PREFIX-k${ks[0]}-a")
  lane "${ks[0]}" "$LANE_B" "$PREFIX-k${ks[0]}-b" & pids+=($!); runs+=("$PREFIX-k${ks[0]}-b")
else
  pids=()
  for K in "${ks[@]}"; do lane "$K" benchmark "$PREFIX-k$K" & pids+=($!); runs+=("$PREFIX-k$K"); done
fi
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for r in "${runs[@]}"; do tail -n 25 "$r-eval.log" || true; done
exit $status
