#!/usr/bin/env bash
# Runs ON the GPU machine, from the repository root, with build/gpu carried there
# (prepared by scripts/gpu-pack.sh). One call does everything:
#   1. builds libvlarl_torch against the installed PyTorch's libtorch (CUDA build, with
#      libtorch's current-stream accessor), libvlarl_kernels with gcc, and the CUDA
#      kernels with nvcc (sm_90 + compute_90 PTX); falls back to build/gpu/prebuilt for the
#      last two when gcc / nvcc are missing;
#   2. runs the kernel tests, "gpu"-tagged ones included (JUnit console launcher);
#   3. runs dev.vlarl.bench.kernels.GpuKernelsBench: fused vs composite, achieved bandwidth
#      vs a device-to-device copy, Panama vs JCuda launch overhead;
# and writes everything under $OUT (gpu-kernels.md, junit/, build.log), printing the table.
set -euo pipefail
OUT=${OUT:-build/gpu-out}
mkdir -p "$OUT" build/native/lib
G=build/gpu
JAVA=$G/jdk/bin/java
[ -x "$JAVA" ] || { echo "gpu-run: $JAVA missing: run scripts/gpu-pack.sh here and carry build/gpu" >&2; exit 1; }
log() { echo "gpu-run: $*" >&2; }

{ nvidia-smi -L || true; } | tee "$OUT/device.txt"
TORCH_DIR=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "prefix", torch.utils.cmake_prefix_path)' | tee -a "$OUT/device.txt"
ABI=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
TORCH_LIB=$TORCH_DIR/lib

# 1. native builds (direct compiler calls: robust to whatever else native/ holds)
log "building libvlarl_torch against $TORCH_DIR"
g++ -O2 -std=c++17 -shared -fPIC -o build/native/lib/libvlarl_torch.so \
  native/torch/*.cpp $(ls native/torch/modules/*.cpp 2>/dev/null || true) \
  -Inative/torch -Inative/common -I"$TORCH_DIR/include" -I"$TORCH_DIR/include/torch/csrc/api/include" \
  -I"$CUDA_HOME/include" -DVLARL_TORCH_CUDA -D_GLIBCXX_USE_CXX11_ABI="$ABI" \
  -L"$TORCH_LIB" -Wl,--no-as-needed -ltorch -ltorch_cpu -ltorch_cuda -lc10 -lc10_cuda -Wl,--as-needed \
  -Wl,-rpath,"$TORCH_LIB" >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; exit 1; }
if command -v gcc >/dev/null; then
  log "building libvlarl_kernels"
  K=kernels/cpu
  CF=(-O3 -fno-math-errno -fopenmp -fPIC -std=c11 -Ikernels -Inative/common)
  gcc "${CF[@]}" -DVK_HAVE_AVX2 -DVK_HAVE_AVX512 -c $K/vk_dispatch.c -o build/vk_dispatch.o
  gcc "${CF[@]}" -c $K/vk_scalar.c -o build/vk_scalar.o
  gcc "${CF[@]}" -mavx2 -mfma -c $K/vk_avx2.c -o build/vk_avx2.o
  gcc "${CF[@]}" -mavx512f -mavx512dq -mavx512bw -mavx512vl -mfma -mprefer-vector-width=512 -c $K/vk_avx512.c -o build/vk_avx512.o
  gcc -shared -fopenmp -o build/native/lib/libvlarl_kernels.so build/vk_dispatch.o build/vk_scalar.o build/vk_avx2.o build/vk_avx512.o -lm
else
  cp $G/prebuilt/libvlarl_kernels.so build/native/lib/
fi
NVCC=$(command -v nvcc || echo "$CUDA_HOME/bin/nvcc")
if [ -x "$NVCC" ]; then
  log "nvcc: CUDA kernels"
  "$NVCC" -O3 -std=c++17 -fatbin -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90 \
    -Ikernels/cuda -o build/native/lib/vlarl_kernels.fatbin kernels/cuda/vk_kernels.cu
else
  log "no nvcc: using the fatbin built by gpu-pack.sh"
  cp $G/prebuilt/vlarl_kernels.fatbin build/native/lib/
fi

# 2. tests, gpu-tagged included
CP=$(ls $G/lib/*.jar | grep -v junit-platform-console | tr '\n' ':')
JOPTS=(--enable-native-access=ALL-UNNAMED -Dvlarl.native.dir="$PWD/build/native/lib" -Dvlarl.root="$PWD")
export LD_LIBRARY_PATH="$TORCH_LIB:${LD_LIBRARY_PATH:-}"
log "kernel tests (gpu tag included)"
set +e
"$JAVA" "${JOPTS[@]}" -jar $G/lib/junit-platform-console-standalone-*.jar execute --class-path "$CP" \
  --select-class dev.vlarl.kernels.CudaKernelsTest --select-class dev.vlarl.kernels.TokenKernelsTest \
  --select-class dev.vlarl.kernels.SamplingTest --details=tree --disable-banner \
  --reports-dir "$OUT/junit" 2>&1 | tee "$OUT/tests.txt" | grep -E "gpu|✘|tests (successful|failed|skipped|aborted)|MethodSource|Exception" | head -60
TEST_RC=${PIPESTATUS[0]}
set -e

# 3. benchmarks
log "GPU benchmark"
"$JAVA" "${JOPTS[@]}" -cp "$CP" dev.vlarl.bench.kernels.GpuKernelsBench "$OUT/gpu-kernels.md"
log "tests exit code $TEST_RC (details: \$OUT/tests.txt, \$OUT/junit)"
exit "$TEST_RC"
