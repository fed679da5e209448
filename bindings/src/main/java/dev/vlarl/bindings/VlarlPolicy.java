// Bindings for native/torch/vlarl_policy.h, in jextract's shape: one holder class per
// function with its descriptor, address and handle as constants. Body generated with
// scripts/bindgen.py (python3 scripts/bindgen.py native/torch/vlarl_policy.h VlarlPolicy
// vlarl_torch vp_); keep it in step with the header.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Raw downcalls into the TinyVLA policy's entry points of libvlarl_torch (header
 * native/torch/vlarl_policy.h). Unchecked: use {@link #check}.
 */
public final class VlarlPolicy {
    private VlarlPolicy() {}

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

    /** Throws a {@link TorchException} with the shim's message when {@code status} is not 0. */
    public static void check(int status) {
        if (status != NativeException.OK) {
            throw new TorchException(status, lastErrorMessage());
        }
    }

    /** The message kept by the last failed call on this thread. */
    public static String lastErrorMessage() {
        return vp_last_error().reinterpret(Long.MAX_VALUE).getString(0);
    }


    private static final class vp_last_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_last_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vp_last_error()
     * }
     */
    public static MemorySegment vp_last_error() {
        var mh$ = vp_last_error.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_add_task {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_add_task");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_add_task(vt_module* m, const char* task, int32_t* slot)
     * }
     */
    public static int vp_add_task(MemorySegment m, MemorySegment task, MemorySegment slot) {
        var mh$ = vp_add_task.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task, slot);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_remove_task {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_remove_task");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_remove_task(vt_module* m, const char* task)
     * }
     */
    public static int vp_remove_task(MemorySegment m, MemorySegment task) {
        var mh$ = vp_remove_task.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_task_slot {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_task_slot");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_task_slot(vt_module* m, const char* task, int32_t* slot)
     * }
     */
    public static int vp_task_slot(MemorySegment m, MemorySegment task, MemorySegment slot) {
        var mh$ = vp_task_slot.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task, slot);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_adapter_num_parameters {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_adapter_num_parameters");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_adapter_num_parameters(vt_module* m, const char* task, int64_t* out)
     * }
     */
    public static int vp_adapter_num_parameters(MemorySegment m, MemorySegment task, MemorySegment out) {
        var mh$ = vp_adapter_num_parameters.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_set_trainable {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_INT, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_set_trainable");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_set_trainable(vt_module* m, int32_t train_base, const char* task)
     * }
     */
    public static int vp_set_trainable(MemorySegment m, int train_base, MemorySegment task) {
        var mh$ = vp_set_trainable.HANDLE;
        try {
            return (int) mh$.invokeExact(m, train_base, task);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_save_adapter {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_save_adapter");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_save_adapter(vt_module* m, const char* task, const char* path)
     * }
     */
    public static int vp_save_adapter(MemorySegment m, MemorySegment task, MemorySegment path) {
        var mh$ = vp_save_adapter.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_load_adapter {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_load_adapter");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_load_adapter(vt_module* m, const char* task, const char* path)
     * }
     */
    public static int vp_load_adapter(MemorySegment m, MemorySegment task, MemorySegment path) {
        var mh$ = vp_load_adapter.HANDLE;
        try {
            return (int) mh$.invokeExact(m, task, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_seed {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_LONG);
        static final MemorySegment ADDR = findOrThrow("vp_seed");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_seed(vt_module* m, uint64_t seed)
     * }
     */
    public static int vp_seed(MemorySegment m, long seed) {
        var mh$ = vp_seed.HANDLE;
        try {
            return (int) mh$.invokeExact(m, seed);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_act {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_DOUBLE, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_act");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_act(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots, double temperature, vt_tensor* tokens, vt_tensor* logprob)
     * }
     */
    public static int vp_act(MemorySegment m, MemorySegment image, MemorySegment state, MemorySegment instruction, MemorySegment slots, double temperature, MemorySegment tokens, MemorySegment logprob) {
        var mh$ = vp_act.HANDLE;
        try {
            return (int) mh$.invokeExact(m, image, state, instruction, slots, temperature, tokens, logprob);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_trainer_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_trainer_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_trainer_create(vt_module* m, const char* config, vp_trainer** out)
     * }
     */
    public static int vp_trainer_create(MemorySegment m, MemorySegment config, MemorySegment out) {
        var mh$ = vp_trainer_create.HANDLE;
        try {
            return (int) mh$.invokeExact(m, config, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_trainer_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_trainer_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_trainer_free(vp_trainer* t)
     * }
     */
    public static int vp_trainer_free(MemorySegment t) {
        var mh$ = vp_trainer_free.HANDLE;
        try {
            return (int) mh$.invokeExact(t);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_train_step {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_train_step");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_train_step(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots, vt_tensor* targets, double* loss, double* accuracy, double* grad_norm)
     * }
     */
    public static int vp_train_step(MemorySegment t, MemorySegment image, MemorySegment state, MemorySegment instruction, MemorySegment slots, MemorySegment targets, MemorySegment loss, MemorySegment accuracy, MemorySegment grad_norm) {
        var mh$ = vp_train_step.HANDLE;
        try {
            return (int) mh$.invokeExact(t, image, state, instruction, slots, targets, loss, accuracy, grad_norm);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_train_step_aux {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_DOUBLE, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_train_step_aux");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_train_step_aux(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots, vt_tensor* targets, vt_tensor* aux_target, vt_tensor* aux_mask, double aux_weight, double* loss, double* accuracy, double* grad_norm, double* aux_loss)
     * }
     */
    public static int vp_train_step_aux(MemorySegment t, MemorySegment image, MemorySegment state, MemorySegment instruction, MemorySegment slots, MemorySegment targets, MemorySegment aux_target, MemorySegment aux_mask, double aux_weight, MemorySegment loss, MemorySegment accuracy, MemorySegment grad_norm, MemorySegment aux_loss) {
        var mh$ = vp_train_step_aux.HANDLE;
        try {
            return (int) mh$.invokeExact(t, image, state, instruction, slots, targets, aux_target, aux_mask, aux_weight, loss, accuracy, grad_norm, aux_loss);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_eval_loss {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_eval_loss");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_eval_loss(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots, vt_tensor* targets, double* loss, double* accuracy)
     * }
     */
    public static int vp_eval_loss(MemorySegment m, MemorySegment image, MemorySegment state, MemorySegment instruction, MemorySegment slots, MemorySegment targets, MemorySegment loss, MemorySegment accuracy) {
        var mh$ = vp_eval_loss.HANDLE;
        try {
            return (int) mh$.invokeExact(m, image, state, instruction, slots, targets, loss, accuracy);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_trainer_save {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_trainer_save");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_trainer_save(vp_trainer* t, const char* path)
     * }
     */
    public static int vp_trainer_save(MemorySegment t, MemorySegment path) {
        var mh$ = vp_trainer_save.HANDLE;
        try {
            return (int) mh$.invokeExact(t, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_trainer_load {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vp_trainer_load");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_trainer_load(vp_trainer* t, const char* path)
     * }
     */
    public static int vp_trainer_load(MemorySegment t, MemorySegment path) {
        var mh$ = vp_trainer_load.HANDLE;
        try {
            return (int) mh$.invokeExact(t, path);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vp_trainer_set_lr {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlPolicy.C_INT, VlarlPolicy.C_POINTER, VlarlPolicy.C_DOUBLE);
        static final MemorySegment ADDR = findOrThrow("vp_trainer_set_lr");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vp_trainer_set_lr(vp_trainer* t, double lr)
     * }
     */
    public static int vp_trainer_set_lr(MemorySegment t, double lr) {
        var mh$ = vp_trainer_set_lr.HANDLE;
        try {
            return (int) mh$.invokeExact(t, lr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
