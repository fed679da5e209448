#!/usr/bin/env bash
# Prepares build/gpu/ (git-ignored) for scripts/gpu-run.sh on a GPU machine that has
# PyTorch (with CUDA) and an NVIDIA driver but no JDK, Maven or network:
#   build/gpu/jdk       a jlink'ed JDK 25 runtime (java.base, jdk.unsupported, ...)
#   build/gpu/lib       the jars: vlarl-bindings, vlarl-core, core test classes, the thin bench
#                       jar, runtime dependencies (JCuda natives slimmed to the driver API
#                       library), JUnit's console launcher
#   build/gpu/prebuilt  libvlarl_kernels.so and vlarl_kernels.fatbin built here, used there
#                       only when gcc / nvcc are missing
# Then, with the device tool: run(command="bash scripts/gpu-run.sh", carry=["build/gpu"]).
# The carried folder must stay under 64 MiB; this script prints its size.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
vlarl_find_java
cd "$ROOT"
G=build/gpu
rm -rf "$G"
mkdir -p "$G/lib" "$G/prebuilt"

vlarl_build_native
vlarl_log "building jars (mvn package, tests skipped)"
mvn -B -q -ntp -DskipTests package >/dev/null
cp bindings/target/vlarl-bindings-*.jar java-core/target/vlarl-core-*.jar "$G/lib/"
cp bench/target/vlarl-bench-*-SNAPSHOT.jar "$G/lib/vlarl-bench-thin.jar"
"$JAVA_HOME/bin/jar" cf "$G/lib/vlarl-core-tests.jar" -C java-core/target/test-classes .
for j in java-core/target/lib/*.jar; do
  case "$(basename "$j")" in
    vlarl-*) ;;
    pdfbox-*|fontbox-*|xchart-*|graphics2d-*|VectorGraphics2D-*) ;; # plotting: not used by the GPU run
    jcuda-natives-*)
      # keep only the driver API JNI library (the NVPTX compiler alone is 24 MB)
      tmp=$(mktemp -d)
      (cd "$tmp" && "$JAVA_HOME/bin/jar" xf "$ROOT/$j" && find lib -name '*.so' ! -name 'libJCudaDriver-*' -delete \
        && "$JAVA_HOME/bin/jar" cf "$ROOT/$G/lib/$(basename "$j")" .)
      rm -rf "$tmp" ;;
    *) cp "$j" "$G/lib/" ;;
  esac
done
JUNIT_PLATFORM=1.11.4
mvn -B -q -ntp dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$JUNIT_PLATFORM \
  -DoutputDirectory="$G/lib" >/dev/null
cp build/native/lib/libvlarl_kernels.so "$G/prebuilt/"
[ -f build/native/lib/vlarl_kernels.fatbin ] && cp build/native/lib/vlarl_kernels.fatbin "$G/prebuilt/"

vlarl_log "jlink: a JDK runtime for the GPU machine"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.logging,java.management,java.xml,java.naming,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$G/jdk"
# libjvm.so ships with symbols (29 MB); stripped it is about a third smaller
strip --strip-unneeded "$G/jdk/lib/server/libjvm.so" 2>/dev/null || true
du -sh "$G" "$G"/* >&2
