// Bindings for native/torch/vlarl_grpo.h (the composite libtorch token kernels, part of
// libvlarl_torch), in jextract's shape. Body generated with
// scripts/bindgen.py native/torch/vlarl_grpo.h VlarlGrpo vlarl_torch vg_; keep it in step
// with the header.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw downcalls into libvlarl_torch's vg_ functions. Unchecked: use {@link VlarlTorch#check}. */
public final class VlarlGrpo {
    private VlarlGrpo() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    static final String LIBRARY = "libvlarl_torch";

    private static final class Lib {
        static final SymbolLookup LOOKUP = NativeLibraries.vlarl("vlarl_torch");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }


    private static final class vg_sample {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_POINTER, VlarlGrpo.C_FLOAT, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_sample");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_sample(vt_tensor* logits, float temperature, vt_tensor* tokens, vt_tensor* log_probs)
     * }
     */
    public static int vg_sample(MemorySegment logits, float temperature, MemorySegment tokens, MemorySegment log_probs) {
        var mh$ = vg_sample.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, temperature, tokens, log_probs);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_log_prob {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_FLOAT, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_log_prob");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_log_prob(vt_tensor* logits, vt_tensor* tokens, float temperature, vt_tensor* log_probs)
     * }
     */
    public static int vg_log_prob(MemorySegment logits, MemorySegment tokens, float temperature, MemorySegment log_probs) {
        var mh$ = vg_log_prob.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, tokens, temperature, log_probs);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_grpo_loss {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_FLOAT, VlarlGrpo.C_FLOAT, VlarlGrpo.C_FLOAT, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_grpo_loss");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_grpo_loss(vt_tensor* logits, vt_tensor* tokens, vt_tensor* old_logp, vt_tensor* advantages, vt_tensor* mask, float temperature, float clip_low, float clip_high, vt_tensor* grad, vt_tensor* log_probs, double* loss, double* clip_frac)
     * }
     */
    public static int vg_grpo_loss(MemorySegment logits, MemorySegment tokens, MemorySegment old_logp, MemorySegment advantages, MemorySegment mask, float temperature, float clip_low, float clip_high, MemorySegment grad, MemorySegment log_probs, MemorySegment loss, MemorySegment clip_frac) {
        var mh$ = vg_grpo_loss.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, tokens, old_logp, advantages, mask, temperature, clip_low, clip_high, grad, log_probs, loss, clip_frac);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_cuda_available {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_cuda_available");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_cuda_available(int32_t* out)
     * }
     */
    public static int vg_cuda_available(MemorySegment out) {
        var mh$ = vg_cuda_available.HANDLE;
        try {
            return (int) mh$.invokeExact(out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_tensor_to_device {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_POINTER, VlarlGrpo.C_INT, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_tensor_to_device");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_tensor_to_device(vt_tensor* t, int32_t device, vt_tensor** out)
     * }
     */
    public static int vg_tensor_to_device(MemorySegment t, int device, MemorySegment out) {
        var mh$ = vg_tensor_to_device.HANDLE;
        try {
            return (int) mh$.invokeExact(t, device, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_cuda_current_stream {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_INT, VlarlGrpo.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vg_cuda_current_stream");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_cuda_current_stream(int32_t device, void** out)
     * }
     */
    public static int vg_cuda_current_stream(int device, MemorySegment out) {
        var mh$ = vg_cuda_current_stream.HANDLE;
        try {
            return (int) mh$.invokeExact(device, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vg_cuda_synchronize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlGrpo.C_INT, VlarlGrpo.C_INT);
        static final MemorySegment ADDR = findOrThrow("vg_cuda_synchronize");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vg_cuda_synchronize(int32_t device)
     * }
     */
    public static int vg_cuda_synchronize(int device) {
        var mh$ = vg_cuda_synchronize.HANDLE;
        try {
            return (int) mh$.invokeExact(device);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
