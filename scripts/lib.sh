# shellcheck shell=bash
# Shared by ./vlarl and .ci/run: find the JDK, install what is missing, build, and set
# the runtime environment. Every step is a no-op when its work is already done.

VLARL_ROOT=${VLARL_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
VLARL_BUILD="$VLARL_ROOT/build"
VLARL_NATIVE_DIR="$VLARL_BUILD/native/lib"

# Debian packages vlarl needs at build and run time.
VLARL_PACKAGES=(
  cmake g++ make pkg-config
  libtorch-dev libopenblas0-pthread libopenblas-dev libgloo-dev
  libmujoco-dev
  libegl1 libegl-dev libegl-mesa0 libgl1-mesa-dri libopengl0 libopengl-dev libgles2
)

vlarl_log() { printf '\033[1;34mvlarl\033[0m %s\n' "$*" >&2; }
vlarl_die() { printf '\033[1;31mvlarl: %s\033[0m\n' "$*" >&2; exit 1; }

vlarl_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# JAVA_HOME of a JDK >= 25: the current JAVA_HOME if it qualifies, else Temurin 25 under /usr/lib/jvm.
vlarl_find_java() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /opt/jdk-25*; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$cand"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  vlarl_die "no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm). Install Temurin 25 and/or set JAVA_HOME."
}

vlarl_missing_packages() {
  local p missing=()
  for p in "${VLARL_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

# Installs missing Debian packages and makes OpenBLAS the BLAS that libtorch uses.
vlarl_setup() {
  local missing
  missing=$(vlarl_missing_packages)
  if [ -n "$missing" ]; then
    command -v apt-get >/dev/null || vlarl_die "missing packages ($missing) and no apt-get: install them by hand"
    vlarl_log "installing Debian packages: $missing"
    vlarl_sudo apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive vlarl_sudo apt-get install -y -q $missing >/dev/null \
      || vlarl_die "apt-get install failed for: $missing"
  fi
  # Debian's libtorch links the generic libblas.so.3; point it at OpenBLAS (4-5x faster training steps).
  local alt=libblas.so.3-x86_64-linux-gnu openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
  if [ -e "$openblas" ] && [ "$(readlink -f /etc/alternatives/$alt 2>/dev/null)" != "$openblas" ]; then
    vlarl_log "selecting OpenBLAS for libblas.so.3"
    vlarl_sudo update-alternatives --set "$alt" "$openblas" >/dev/null
  fi
  local lalt=liblapack.so.3-x86_64-linux-gnu lopen=/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3
  if [ -e "$lopen" ] && [ "$(readlink -f /etc/alternatives/$lalt 2>/dev/null)" != "$lopen" ]; then
    vlarl_sudo update-alternatives --set "$lalt" "$lopen" >/dev/null
  fi
}

# CMake build of native/ (and kernels/); make itself skips what is up to date.
vlarl_build_native() {
  local jobs; jobs=$(nproc 2>/dev/null || echo 2)
  mkdir -p "$VLARL_BUILD/native"
  if [ ! -f "$VLARL_BUILD/native/CMakeCache.txt" ]; then
    vlarl_log "configuring native build"
    cmake -S "$VLARL_ROOT/native" -B "$VLARL_BUILD/native" -DCMAKE_BUILD_TYPE=Release ${VLARL_CMAKE_ARGS:-} >"$VLARL_BUILD/cmake-configure.log" 2>&1 \
      || { cat "$VLARL_BUILD/cmake-configure.log" >&2; vlarl_die "cmake configure failed (log: build/cmake-configure.log)"; }
  fi
  if ! cmake --build "$VLARL_BUILD/native" -j "$jobs" >"$VLARL_BUILD/cmake-build.log" 2>&1; then
    grep -E "error|Error" "$VLARL_BUILD/cmake-build.log" | head -40 >&2
    vlarl_die "native build failed (log: build/cmake-build.log)"
  fi
}

# Newest source file of the Java modules newer than the last package? Then rebuild.
vlarl_java_stale() {
  local stamp="$VLARL_BUILD/.java-stamp"
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$VLARL_ROOT/pom.xml" "$VLARL_ROOT"/bindings "$VLARL_ROOT"/java-core "$VLARL_ROOT"/bench \
      \( -name target -prune \) -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}

vlarl_build_java() {
  if [ "${1:-}" = "--force" ] || vlarl_java_stale; then
    vlarl_log "building Java modules (Maven)"
    mkdir -p "$VLARL_BUILD"
    (cd "$VLARL_ROOT" && mvn -B -q -DskipTests package) >"$VLARL_BUILD/maven-build.log" 2>&1 \
      || { tail -60 "$VLARL_BUILD/maven-build.log" >&2; vlarl_die "Maven build failed (log: build/maven-build.log)"; }
    touch "$VLARL_BUILD/.java-stamp"
  fi
}

# Runtime environment for the JVM and libtorch.
vlarl_runtime_env() {
  # glibc malloc that keeps memory: libtorch's large temporaries would otherwise be
  # unmapped and page-faulted again on every call (about 11 us per 4 KiB page here).
  # VLARL_MALLOC=default leaves glibc's defaults (for measuring both ways).
  if [ "${VLARL_MALLOC:-keep}" != "default" ]; then
    export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967296:glibc.malloc.top_pad=268435456"
  fi
  # libtorch 1.13 picks AVX2 kernels unless told; AVX-512 is 1.2-1.5x faster here.
  if [ -z "${ATEN_CPU_CAPABILITY:-}" ] && grep -q ' avx512bw' /proc/cpuinfo 2>/dev/null \
      && grep -q ' avx512vl' /proc/cpuinfo && grep -q ' avx512dq' /proc/cpuinfo; then
    export ATEN_CPU_CAPABILITY=avx512
  fi
  # Debian's OpenBLAS (pthread build) starts its own worker per core on top of libtorch's
  # OpenMP pool: with 2 libtorch threads on 2 cores the two pools fight and a training step
  # takes 2x as long (measured: 60 pretrain steps 24 s vs 14 s with OpenBLAS at 1 thread).
  # libtorch does its own intra-op threading, so OpenBLAS stays single-threaded.
  export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
  # Mesa's surfaceless EGL platform for offscreen rendering when no display is present.
  export EGL_PLATFORM="${EGL_PLATFORM:-surfaceless}"
  export MUJOCO_GL="${MUJOCO_GL:-egl}"
}

vlarl_java_opts() {
  echo "--enable-native-access=ALL-UNNAMED -Dvlarl.native.dir=$VLARL_NATIVE_DIR -Dvlarl.root=$VLARL_ROOT ${VLARL_JAVA_OPTS:-}"
}

# The classpath of a command: a copy of the jars of the current build, one folder per build
# (build/cp/<stamp time>), so a rebuild while a long run goes on (Maven rewrites target/*.jar
# in place) never changes the classes under a running JVM. The newest 4 copies are kept.
vlarl_classpath() {
  local core stamp dir
  core=$(ls "$VLARL_ROOT"/java-core/target/vlarl-core-*.jar 2>/dev/null | head -1)
  [ -n "$core" ] || vlarl_die "java-core jar missing: run ./vlarl build"
  stamp=$(stat -c %Y "$core")
  dir="$VLARL_BUILD/cp/$stamp"
  if [ ! -f "$dir/.complete" ]; then
    mkdir -p "$dir/lib"
    cp "$core" "$dir/" && cp "$VLARL_ROOT"/java-core/target/lib/*.jar "$dir/lib/" && touch "$dir/.complete"
    ls -1dt "$VLARL_BUILD"/cp/*/ 2>/dev/null | tail -n +5 | xargs -r rm -rf
  fi
  echo "$dir/$(basename "$core"):$dir/lib/*"
}
