package dev.vlarl.torch;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlTorch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Process-wide libtorch settings and facts. */
public final class Torch {
    private Torch() {}

    /** libtorch's version, e.g. "1.13.1". */
    public static String version() {
        return VlarlTorch.vt_version().reinterpret(256).getString(0);
    }

    public static void setNumThreads(int n) {
        check(VlarlTorch.vt_set_num_threads(n));
    }

    public static int numThreads() {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_get_num_threads(s));
        return s.get(ValueLayout.JAVA_INT, 0);
    }

    /** The CPU kernel set ATen uses: "AVX512", "AVX2" or "DEFAULT". */
    public static String cpuCapability() {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_cpu_capability(s));
        return s.get(ValueLayout.ADDRESS, 0).reinterpret(64).getString(0);
    }

    public static void manualSeed(long seed) {
        check(VlarlTorch.vt_manual_seed(seed));
    }

    /** Live handles in the shim: tensors, modules, optimisers (independent of Java's own count). */
    public static long liveNativeTensors() {
        return VlarlTorch.vt_live_handles(VlarlTorch.LIVE_TENSORS);
    }

    public static long liveNativeModules() {
        return VlarlTorch.vt_live_handles(VlarlTorch.LIVE_MODULES);
    }

    public static long liveNativeOptimisers() {
        return VlarlTorch.vt_live_handles(VlarlTorch.LIVE_OPTIMISERS);
    }
}
