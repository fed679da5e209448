// Bindings for native/jni/vlarl_bench.h, in jextract's shape: one holder class per
// function with its descriptor, address and handle as constants. The plain holders were
// generated with scripts/bindgen.py; the *_critical holders below them are hand-written
// (jextract has no option for Linker.Option.critical). Keep it in step with the header.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Raw downcalls into libvlarl_bench and libvlarl_bench_torch (header native/jni/vlarl_bench.h),
 * the trivial functions the downcall benchmarks call. Each function has a plain variant and a
 * {@code _critical} variant linked with {@link Linker.Option#critical}: {@code critical(false)}
 * for the scalar-only no-ops, {@code critical(true)} where a pointer argument may be a heap
 * segment ({@code MemorySegment.ofArray}), which the JVM then passes without copying while it
 * holds off the GC for the length of the call.
 */
public final class VlarlBench {
    private VlarlBench() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    static final String LIBRARY = "libvlarl_bench";
    static final String TORCH_LIBRARY = "libvlarl_bench_torch";

    private static final class Lib {
        static final SymbolLookup LOOKUP = NativeLibraries.vlarl("vlarl_bench");
    }

    private static final class TorchLib {
        static final SymbolLookup LOOKUP = NativeLibraries.vlarl("vlarl_bench_torch");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    static MemorySegment findTorchOrThrow(String symbol) {
        return NativeLibraries.find(TorchLib.LOOKUP, TORCH_LIBRARY, symbol);
    }

    /** Throws a {@link TorchException} with the shim's message when a vb_torch_* status is not 0. */
    public static void checkTorch(int status) {
        if (status != NativeException.OK) {
            throw new TorchException(status, vb_torch_last_error().reinterpret(Long.MAX_VALUE).getString(0));
        }
    }

    private static final class vb_noop {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid();
        static final MemorySegment ADDR = findOrThrow("vb_noop");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * void vb_noop()
     * }
     */
    public static void vb_noop() {
        var mh$ = vb_noop.HANDLE;
        try {
            mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_noop_args {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(VlarlBench.C_LONG, VlarlBench.C_INT);
        static final MemorySegment ADDR = findOrThrow("vb_noop_args");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * void vb_noop_args(int64_t a, int32_t b)
     * }
     */
    public static void vb_noop_args(long a, int b) {
        var mh$ = vb_noop_args.HANDLE;
        try {
            mh$.invokeExact(a, b);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_sum_bytes {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlBench.C_LONG, VlarlBench.C_POINTER, VlarlBench.C_LONG);
        static final MemorySegment ADDR = findOrThrow("vb_sum_bytes");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int64_t vb_sum_bytes(const uint8_t* data, int64_t n)
     * }
     */
    public static long vb_sum_bytes(MemorySegment data, long n) {
        var mh$ = vb_sum_bytes.HANDLE;
        try {
            return (long) mh$.invokeExact(data, n);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_torch_sum_f32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlBench.C_INT, VlarlBench.C_POINTER, VlarlBench.C_LONG, VlarlBench.C_POINTER);
        static final MemorySegment ADDR = findTorchOrThrow("vb_torch_sum_f32");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vb_torch_sum_f32(const float* data, int64_t n, double* out)
     * }
     */
    public static int vb_torch_sum_f32(MemorySegment data, long n, MemorySegment out) {
        var mh$ = vb_torch_sum_f32.HANDLE;
        try {
            return (int) mh$.invokeExact(data, n, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_torch_last_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlBench.C_POINTER);
        static final MemorySegment ADDR = findTorchOrThrow("vb_torch_last_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vb_torch_last_error()
     * }
     */
    public static MemorySegment vb_torch_last_error() {
        var mh$ = vb_torch_last_error.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }


    // ---- critical variants (hand-written) ---------------------------------------------
    // critical(false): no thread-state transition, no heap access; the call must be short
    // and must not call back into Java. critical(true) additionally lets a pointer
    // argument be a heap segment, pinned (GC held off) for the call.

    private static final class vb_noop_critical {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid();
        static final MemorySegment ADDR = findOrThrow("vb_noop");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC,
                Linker.Option.critical(false));
    }

    /**
     * {@link #vb_noop} linked with {@code Linker.Option.critical(false)} (scalars only).
     * {@snippet lang=c :
     * void vb_noop()
     * }
     */
    public static void vb_noop_critical() {
        var mh$ = vb_noop_critical.HANDLE;
        try {
            mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_noop_args_critical {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(VlarlBench.C_LONG, VlarlBench.C_INT);
        static final MemorySegment ADDR = findOrThrow("vb_noop_args");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC,
                Linker.Option.critical(false));
    }

    /**
     * {@link #vb_noop_args} linked with {@code Linker.Option.critical(false)} (scalars only).
     * {@snippet lang=c :
     * void vb_noop_args(int64_t a, int32_t b)
     * }
     */
    public static void vb_noop_args_critical(long a, int b) {
        var mh$ = vb_noop_args_critical.HANDLE;
        try {
            mh$.invokeExact(a, b);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_sum_bytes_critical {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlBench.C_LONG, VlarlBench.C_POINTER, VlarlBench.C_LONG);
        static final MemorySegment ADDR = findOrThrow("vb_sum_bytes");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC,
                Linker.Option.critical(true));
    }

    /**
     * {@link #vb_sum_bytes} linked with {@code Linker.Option.critical(true)} (a heap segment may be passed for the pointer arguments).
     * {@snippet lang=c :
     * int64_t vb_sum_bytes(const uint8_t* data, int64_t n)
     * }
     */
    public static long vb_sum_bytes_critical(MemorySegment data, long n) {
        var mh$ = vb_sum_bytes_critical.HANDLE;
        try {
            return (long) mh$.invokeExact(data, n);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vb_torch_sum_f32_critical {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlBench.C_INT, VlarlBench.C_POINTER, VlarlBench.C_LONG, VlarlBench.C_POINTER);
        static final MemorySegment ADDR = findTorchOrThrow("vb_torch_sum_f32");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC,
                Linker.Option.critical(true));
    }

    /**
     * {@link #vb_torch_sum_f32} linked with {@code Linker.Option.critical(true)} (a heap segment may be passed for the pointer arguments).
     * {@snippet lang=c :
     * int vb_torch_sum_f32(const float* data, int64_t n, double* out)
     * }
     */
    public static int vb_torch_sum_f32_critical(MemorySegment data, long n, MemorySegment out) {
        var mh$ = vb_torch_sum_f32_critical.HANDLE;
        try {
            return (int) mh$.invokeExact(data, n, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
