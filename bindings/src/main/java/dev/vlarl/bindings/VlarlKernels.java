// Bindings for kernels/vlarl_kernels.h, in jextract's shape: one holder class per
// function with its descriptor, address and handle as constants. Body generated with
// scripts/bindgen.py kernels/vlarl_kernels.h VlarlKernels vlarl_kernels vk_; keep it in
// step with the header.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw downcalls into libvlarl_kernels (header kernels/vlarl_kernels.h). Unchecked: use {@link #check}. */
public final class VlarlKernels {
    private VlarlKernels() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** enum vk_isa */
    public static final int VK_ISA_AUTO = 0, VK_ISA_SCALAR = 1, VK_ISA_AVX2 = 2, VK_ISA_AVX512 = 3;

    static final String LIBRARY = "libvlarl_kernels";

    private static final class Lib {
        static final SymbolLookup LOOKUP = NativeLibraries.vlarl("vlarl_kernels");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    /** Throws a {@link KernelException} (with the bad row, if any) when {@code status} is not 0. */
    public static void check(int status) {
        if (status != NativeException.OK) {
            throw new KernelException(status, lastErrorMessage(), vk_last_bad_index());
        }
    }

    /** The message kept by the last failed call on this thread. */
    public static String lastErrorMessage() {
        return vk_last_error().reinterpret(Long.MAX_VALUE).getString(0);
    }


    private static final class vk_last_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vk_last_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vk_last_error()
     * }
     */
    public static MemorySegment vk_last_error() {
        var mh$ = vk_last_error.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_last_bad_index {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_LONG);
        static final MemorySegment ADDR = findOrThrow("vk_last_bad_index");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int64_t vk_last_bad_index()
     * }
     */
    public static long vk_last_bad_index() {
        var mh$ = vk_last_bad_index.HANDLE;
        try {
            return (long) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_set_isa {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_set_isa");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_set_isa(int32_t isa)
     * }
     */
    public static int vk_set_isa(int isa) {
        var mh$ = vk_set_isa.HANDLE;
        try {
            return (int) mh$.invokeExact(isa);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_isa {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_isa");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int32_t vk_isa()
     * }
     */
    public static int vk_isa() {
        var mh$ = vk_isa.HANDLE;
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_isa_name {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_POINTER, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_isa_name");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vk_isa_name(int32_t isa)
     * }
     */
    public static MemorySegment vk_isa_name(int isa) {
        var mh$ = vk_isa_name.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact(isa);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_isa_supported {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_isa_supported");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int32_t vk_isa_supported(int32_t isa)
     * }
     */
    public static int vk_isa_supported(int isa) {
        var mh$ = vk_isa_supported.HANDLE;
        try {
            return (int) mh$.invokeExact(isa);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_sample {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_POINTER, VlarlKernels.C_LONG, VlarlKernels.C_INT, VlarlKernels.C_FLOAT, VlarlKernels.C_LONG, VlarlKernels.C_LONG, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_sample");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_sample(const float* logits, int64_t T, int32_t V, float temperature, uint64_t seed, uint64_t offset, int64_t* tokens, float* log_probs, int32_t threads)
     * }
     */
    public static int vk_sample(MemorySegment logits, long T, int V, float temperature, long seed, long offset, MemorySegment tokens, MemorySegment log_probs, int threads) {
        var mh$ = vk_sample.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, T, V, temperature, seed, offset, tokens, log_probs, threads);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_log_prob {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_LONG, VlarlKernels.C_INT, VlarlKernels.C_FLOAT, VlarlKernels.C_POINTER, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_log_prob");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_log_prob(const float* logits, const int64_t* tokens, int64_t T, int32_t V, float temperature, float* log_probs, int32_t threads)
     * }
     */
    public static int vk_log_prob(MemorySegment logits, MemorySegment tokens, long T, int V, float temperature, MemorySegment log_probs, int threads) {
        var mh$ = vk_log_prob.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, tokens, T, V, temperature, log_probs, threads);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_grpo_loss {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_LONG, VlarlKernels.C_INT, VlarlKernels.C_FLOAT, VlarlKernels.C_FLOAT, VlarlKernels.C_FLOAT, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_grpo_loss");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_grpo_loss(const float* logits, const int64_t* tokens, const float* old_logp, const float* advantages, const uint8_t* mask, int64_t T, int32_t V, float temperature, float clip_low, float clip_high, float* grad, float* log_probs, double* loss, double* clip_frac, int32_t threads)
     * }
     */
    public static int vk_grpo_loss(MemorySegment logits, MemorySegment tokens, MemorySegment old_logp, MemorySegment advantages, MemorySegment mask, long T, int V, float temperature, float clip_low, float clip_high, MemorySegment grad, MemorySegment log_probs, MemorySegment loss, MemorySegment clip_frac, int threads) {
        var mh$ = vk_grpo_loss.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, tokens, old_logp, advantages, mask, T, V, temperature, clip_low, clip_high, grad, log_probs, loss, clip_frac, threads);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_stream_scale {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_POINTER, VlarlKernels.C_POINTER, VlarlKernels.C_LONG, VlarlKernels.C_FLOAT, VlarlKernels.C_INT);
        static final MemorySegment ADDR = findOrThrow("vk_stream_scale");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_stream_scale(const float* src, float* dst, int64_t n, float scale, int32_t threads)
     * }
     */
    public static int vk_stream_scale(MemorySegment src, MemorySegment dst, long n, float scale, int threads) {
        var mh$ = vk_stream_scale.HANDLE;
        try {
            return (int) mh$.invokeExact(src, dst, n, scale, threads);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vk_philox4x32 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_INT, VlarlKernels.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vk_philox4x32");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vk_philox4x32(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1, uint32_t* out)
     * }
     */
    public static int vk_philox4x32(int c0, int c1, int c2, int c3, int k0, int k1, MemorySegment out) {
        var mh$ = vk_philox4x32.HANDLE;
        try {
            return (int) mh$.invokeExact(c0, c1, c2, c3, k0, k1, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
