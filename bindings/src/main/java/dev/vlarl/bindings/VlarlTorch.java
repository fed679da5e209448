// Bindings for native/torch/vlarl_torch.h, in jextract's shape: one holder class per
// function with its descriptor, address and handle as constants. Body generated with
// scripts/bindgen.py; keep it in step with the header.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw downcalls into libvlarl_torch (header native/torch/vlarl_torch.h). Unchecked: use {@link #check}. */
public final class VlarlTorch {
    private VlarlTorch() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** enum vt_dtype */
    public static final int VT_FLOAT32 = 0, VT_FLOAT64 = 1, VT_INT32 = 2, VT_INT64 = 3, VT_UINT8 = 4, VT_BOOL = 5;

    /** Kinds counted by vt_live_handles. */
    public static final int LIVE_TENSORS = 0, LIVE_MODULES = 1, LIVE_OPTIMISERS = 2;

    static final String LIBRARY = "libvlarl_torch";

    private static final class Lib {
        static final SymbolLookup LOOKUP = NativeLibraries.vlarl("vlarl_torch");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    /** Throws a {@link TorchException} with the shim's message when {@code status} is not 0. */
    public static void check(int status) {
        if (status != NativeException.OK) {
            throw new TorchException(status, lastErrorMessage());
        }
    }

    /** The message kept by the last failed call on this thread. */
    public static String lastErrorMessage() {
        return vt_last_error().reinterpret(Long.MAX_VALUE).getString(0);
    }


    private static final class vt_last_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_last_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vt_last_error()
     * }
     */
    public static MemorySegment vt_last_error() {
        var mh$ = vt_last_error.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_version {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_version");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vt_version()
     * }
     */
    public static MemorySegment vt_version() {
        var mh$ = vt_version.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_set_num_threads {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_INT);
        static final MemorySegment ADDR = findOrThrow("vt_set_num_threads");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_set_num_threads(int32_t n)
     * }
     */
    public static int vt_set_num_threads(int n) {
        var mh$ = vt_set_num_threads.HANDLE;
        try {
            return (int) mh$.invokeExact(n);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_get_num_threads {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_get_num_threads");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_get_num_threads(int32_t* out)
     * }
     */
    public static int vt_get_num_threads(MemorySegment out) {
        var mh$ = vt_get_num_threads.HANDLE;
        try {
            return (int) mh$.invokeExact(out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_cpu_capability {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_cpu_capability");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_cpu_capability(const char** out)
     * }
     */
    public static int vt_cpu_capability(MemorySegment out) {
        var mh$ = vt_cpu_capability.HANDLE;
        try {
            return (int) mh$.invokeExact(out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_live_handles {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_LONG, VlarlTorch.C_INT);
        static final MemorySegment ADDR = findOrThrow("vt_live_handles");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int64_t vt_live_handles(int32_t kind)
     * }
     */
    public static long vt_live_handles(int kind) {
        var mh$ = vt_live_handles.HANDLE;
        try {
            return (long) mh$.invokeExact(kind);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_manual_seed {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_LONG);
        static final MemorySegment ADDR = findOrThrow("vt_manual_seed");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_manual_seed(uint64_t seed)
     * }
     */
    public static int vt_manual_seed(long seed) {
        var mh$ = vt_manual_seed.HANDLE;
        try {
            return (int) mh$.invokeExact(seed);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_from_blob {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_from_blob");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype, vt_tensor** out)
     * }
     */
    public static int vt_tensor_from_blob(MemorySegment data, MemorySegment shape, int ndim, int dtype, MemorySegment out) {
        var mh$ = vt_tensor_from_blob.HANDLE;
        try {
            return (int) mh$.invokeExact(data, shape, ndim, dtype, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_zeros {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_zeros");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, vt_tensor** out)
     * }
     */
    public static int vt_tensor_zeros(MemorySegment shape, int ndim, int dtype, MemorySegment out) {
        var mh$ = vt_tensor_zeros.HANDLE;
        try {
            return (int) mh$.invokeExact(shape, ndim, dtype, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_free(vt_tensor* t)
     * }
     */
    public static int vt_tensor_free(MemorySegment t) {
        var mh$ = vt_tensor_free.HANDLE;
        try {
            return (int) mh$.invokeExact(t);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_data {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_data");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_data(vt_tensor* t, void** out)
     * }
     */
    public static int vt_tensor_data(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_data.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_ndim {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_ndim");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_ndim(vt_tensor* t, int32_t* out)
     * }
     */
    public static int vt_tensor_ndim(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_ndim.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_shape {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_INT);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_shape");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_shape(vt_tensor* t, int64_t* out, int32_t cap)
     * }
     */
    public static int vt_tensor_shape(MemorySegment t, MemorySegment out, int cap) {
        var mh$ = vt_tensor_shape.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out, cap);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_dtype {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_dtype");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_dtype(vt_tensor* t, int32_t* out)
     * }
     */
    public static int vt_tensor_dtype(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_dtype.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_numel {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_numel");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_numel(vt_tensor* t, int64_t* out)
     * }
     */
    public static int vt_tensor_numel(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_numel.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_copy_ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_copy_");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_copy_(vt_tensor* dst, vt_tensor* src)
     * }
     */
    public static int vt_tensor_copy_(MemorySegment dst, MemorySegment src) {
        var mh$ = vt_tensor_copy_.HANDLE;
        try {
            return (int) mh$.invokeExact(dst, src);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_affine_ {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_DOUBLE, VlarlTorch.C_DOUBLE);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_affine_");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_affine_(vt_tensor* t, double mul, double add)
     * }
     */
    public static int vt_tensor_affine_(MemorySegment t, double mul, double add) {
        var mh$ = vt_tensor_affine_.HANDLE;
        try {
            return (int) mh$.invokeExact(t, mul, add);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_sum {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_sum");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_sum(vt_tensor* t, double* out)
     * }
     */
    public static int vt_tensor_sum(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_sum.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_matmul {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_matmul");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_matmul(vt_tensor* a, vt_tensor* b, vt_tensor** out)
     * }
     */
    public static int vt_matmul(MemorySegment a, MemorySegment b, MemorySegment out) {
        var mh$ = vt_matmul.HANDLE;
        try {
            return (int) mh$.invokeExact(a, b, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_clone {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_clone");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_clone(vt_tensor* t, vt_tensor** out)
     * }
     */
    public static int vt_tensor_clone(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_clone.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_tensor_grad {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_tensor_grad");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_tensor_grad(vt_tensor* t, vt_tensor** out)
     * }
     */
    public static int vt_tensor_grad(MemorySegment t, MemorySegment out) {
        var mh$ = vt_tensor_grad.HANDLE;
        try {
            return (int) mh$.invokeExact(t, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_backward {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_backward");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_backward(vt_tensor* loss)
     * }
     */
    public static int vt_backward(MemorySegment loss) {
        var mh$ = vt_backward.HANDLE;
        try {
            return (int) mh$.invokeExact(loss);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_backward_with_grad {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_backward_with_grad");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_backward_with_grad(vt_tensor* t, vt_tensor* grad)
     * }
     */
    public static int vt_backward_with_grad(MemorySegment t, MemorySegment grad) {
        var mh$ = vt_backward_with_grad.HANDLE;
        try {
            return (int) mh$.invokeExact(t, grad);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_create(const char* kind, const char* config, vt_module** out)
     * }
     */
    public static int vt_module_create(MemorySegment kind, MemorySegment config, MemorySegment out) {
        var mh$ = vt_module_create.HANDLE;
        try {
            return (int) mh$.invokeExact(kind, config, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_free(vt_module* m)
     * }
     */
    public static int vt_module_free(MemorySegment m) {
        var mh$ = vt_module_free.HANDLE;
        try {
            return (int) mh$.invokeExact(m);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_forward {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_forward");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_forward(vt_module* m, vt_tensor* const* inputs, int32_t n_in, vt_tensor** outputs, int32_t cap, int32_t* n_out)
     * }
     */
    public static int vt_module_forward(MemorySegment m, MemorySegment inputs, int n_in, MemorySegment outputs, int cap, MemorySegment n_out) {
        var mh$ = vt_module_forward.HANDLE;
        try {
            return (int) mh$.invokeExact(m, inputs, n_in, outputs, cap, n_out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_forward_into {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_INT);
        static final MemorySegment ADDR = findOrThrow("vt_module_forward_into");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_forward_into(vt_module* m, vt_tensor* const* inputs, int32_t n_in, vt_tensor* const* outputs, int32_t n_out)
     * }
     */
    public static int vt_module_forward_into(MemorySegment m, MemorySegment inputs, int n_in, MemorySegment outputs, int n_out) {
        var mh$ = vt_module_forward_into.HANDLE;
        try {
            return (int) mh$.invokeExact(m, inputs, n_in, outputs, n_out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_call {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_call");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_call(vt_module* m, const char* method, const char* args)
     * }
     */
    public static int vt_module_call(MemorySegment m, MemorySegment method, MemorySegment args) {
        var mh$ = vt_module_call.HANDLE;
        try {
            return (int) mh$.invokeExact(m, method, args);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_train {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_INT);
        static final MemorySegment ADDR = findOrThrow("vt_module_train");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_train(vt_module* m, int32_t training)
     * }
     */
    public static int vt_module_train(MemorySegment m, int training) {
        var mh$ = vt_module_train.HANDLE;
        try {
            return (int) mh$.invokeExact(m, training);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_num_parameters {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_num_parameters");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_num_parameters(vt_module* m, int32_t trainable_only, int64_t* out)
     * }
     */
    public static int vt_module_num_parameters(MemorySegment m, int trainable_only, MemorySegment out) {
        var mh$ = vt_module_num_parameters.HANDLE;
        try {
            return (int) mh$.invokeExact(m, trainable_only, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_save {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_save");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_save(vt_module* m, const char* path)
     * }
     */
    public static int vt_module_save(MemorySegment m, MemorySegment path) {
        var mh$ = vt_module_save.HANDLE;
        try {
            return (int) mh$.invokeExact(m, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_module_load {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_module_load");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_module_load(vt_module* m, const char* path)
     * }
     */
    public static int vt_module_load(MemorySegment m, MemorySegment path) {
        var mh$ = vt_module_load.HANDLE;
        try {
            return (int) mh$.invokeExact(m, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_optim_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_optim_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_optim_create(vt_module* m, const char* kind, const char* config, vt_optim** out)
     * }
     */
    public static int vt_optim_create(MemorySegment m, MemorySegment kind, MemorySegment config, MemorySegment out) {
        var mh$ = vt_optim_create.HANDLE;
        try {
            return (int) mh$.invokeExact(m, kind, config, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_optim_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_optim_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_optim_free(vt_optim* o)
     * }
     */
    public static int vt_optim_free(MemorySegment o) {
        var mh$ = vt_optim_free.HANDLE;
        try {
            return (int) mh$.invokeExact(o);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_optim_zero_grad {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_optim_zero_grad");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_optim_zero_grad(vt_optim* o)
     * }
     */
    public static int vt_optim_zero_grad(MemorySegment o) {
        var mh$ = vt_optim_zero_grad.HANDLE;
        try {
            return (int) mh$.invokeExact(o);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_optim_step {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_DOUBLE, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_optim_step");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_optim_step(vt_optim* o, double max_norm, double* grad_norm)
     * }
     */
    public static int vt_optim_step(MemorySegment o, double max_norm, MemorySegment grad_norm) {
        var mh$ = vt_optim_step.HANDLE;
        try {
            return (int) mh$.invokeExact(o, max_norm, grad_norm);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_cross_entropy {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_cross_entropy");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_cross_entropy(vt_tensor* logits, vt_tensor* targets, vt_tensor** out)
     * }
     */
    public static int vt_cross_entropy(MemorySegment logits, MemorySegment targets, MemorySegment out) {
        var mh$ = vt_cross_entropy.HANDLE;
        try {
            return (int) mh$.invokeExact(logits, targets, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vt_mse {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlTorch.C_INT, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER, VlarlTorch.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vt_mse");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vt_mse(vt_tensor* a, vt_tensor* b, vt_tensor** out)
     * }
     */
    public static int vt_mse(MemorySegment a, MemorySegment b, MemorySegment out) {
        var mh$ = vt_mse.HANDLE;
        try {
            return (int) mh$.invokeExact(a, b, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
