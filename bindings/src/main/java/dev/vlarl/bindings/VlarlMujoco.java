// Bindings for native/mujoco/vlarl_mujoco.h, in jextract's shape: one holder class per
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

/**
 * Raw downcalls into libvlarl_mujoco (header native/mujoco/vlarl_mujoco.h): MuJoCo with its
 * error hook replaced, and offscreen EGL rendering. Unchecked: use {@link #check}.
 * Loading this class loads libvlarl_mujoco, which pulls in libmujoco and libEGL; a missing
 * one is reported by {@link NativeLibraries} with how to install it.
 */
public final class VlarlMujoco {
    private VlarlMujoco() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** enum vm_obj (the values of MuJoCo's mjtObj). */
    public static final int VM_OBJ_BODY = 1, VM_OBJ_JOINT = 3, VM_OBJ_DOF = 4, VM_OBJ_GEOM = 5, VM_OBJ_SITE = 6,
            VM_OBJ_CAMERA = 7, VM_OBJ_LIGHT = 8, VM_OBJ_MESH = 9, VM_OBJ_MATERIAL = 13, VM_OBJ_TENDON = 17,
            VM_OBJ_ACTUATOR = 18, VM_OBJ_SENSOR = 19, VM_OBJ_KEY = 23;

    /** enum vm_type */
    public static final int VM_TYPE_F64 = 0, VM_TYPE_F32 = 1, VM_TYPE_I32 = 2, VM_TYPE_U8 = 3, VM_TYPE_CHAR = 4,
            VM_TYPE_STRUCT = 5;

    /** enum vm_step_flag */
    public static final int VM_STEP_WARN_INERTIA = 1, VM_STEP_WARN_CONTACTFULL = 1 << 1,
            VM_STEP_WARN_CNSTRFULL = 1 << 2, VM_STEP_WARN_VGEOMFULL = 1 << 3, VM_STEP_WARN_BADQPOS = 1 << 4,
            VM_STEP_WARN_BADQVEL = 1 << 5, VM_STEP_WARN_BADQACC = 1 << 6, VM_STEP_WARN_BADCTRL = 1 << 7,
            VM_STEP_NONFINITE = 1 << 16,
            VM_STEP_UNSTABLE_MASK = (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 16);

    /** VM_CAMERA_FREE */
    public static final int VM_CAMERA_FREE = -1;

    /** enum vm_render_flag */
    public static final int VM_RND_SHADOW = 0, VM_RND_WIREFRAME = 1, VM_RND_REFLECTION = 2, VM_RND_ADDITIVE = 3,
            VM_RND_SKYBOX = 4, VM_RND_FOG = 5, VM_RND_HAZE = 6, VM_RND_SEGMENT = 7, VM_RND_IDCOLOR = 8,
            VM_RND_CULL_FACE = 9, VM_RENDER_DEPTH_METRES = 100, VM_RENDER_GEOMGROUP_0 = 200;

    /** enum vm_handle_kind */
    public static final int VM_LIVE_MODELS = 0, VM_LIVE_DATAS = 1, VM_LIVE_GL = 2, VM_LIVE_RENDERERS = 3;

    static final String LIBRARY = "libvlarl_mujoco";

    private static final class Lib {
        static final SymbolLookup LOOKUP = load();

        /** The shim; when it does not load, names the missing system library and its package. */
        private static SymbolLookup load() {
            try {
                return NativeLibraries.vlarl("vlarl_mujoco");
            } catch (NativeLibraryException e) {
                NativeLibraries.system("MuJoCo 2.2.2 (Debian package libmujoco2.2.2, from libmujoco-dev)",
                        "libmujoco.so.2.2.2", "libmujoco.so");
                NativeLibraries.system("libEGL (Debian packages libegl1, libegl-mesa0)", "libEGL.so.1");
                throw e;
            }
        }
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    /** Throws a {@link MujocoException} with the shim's message when {@code status} is not 0. */
    public static void check(int status) {
        if (status != NativeException.OK) {
            throw new MujocoException(status, lastErrorMessage());
        }
    }

    /** The message kept by the last failed call on this thread. */
    public static String lastErrorMessage() {
        return vm_last_error().reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The last MuJoCo warning raised on this thread ("" if none). */
    public static String lastWarningMessage() {
        return vm_last_warning().reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static final class vm_last_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_last_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vm_last_error()
     * }
     */
    public static MemorySegment vm_last_error() {
        var mh$ = vm_last_error.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_last_warning {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_last_warning");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* vm_last_warning()
     * }
     */
    public static MemorySegment vm_last_warning() {
        var mh$ = vm_last_warning.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_mj_version {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT);
        static final MemorySegment ADDR = findOrThrow("vm_mj_version");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int32_t vm_mj_version()
     * }
     */
    public static int vm_mj_version() {
        var mh$ = vm_mj_version.HANDLE;
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_mj_header_version {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT);
        static final MemorySegment ADDR = findOrThrow("vm_mj_header_version");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int32_t vm_mj_header_version()
     * }
     */
    public static int vm_mj_header_version() {
        var mh$ = vm_mj_header_version.HANDLE;
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_live_handles {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_LONG, VlarlMujoco.C_INT);
        static final MemorySegment ADDR = findOrThrow("vm_live_handles");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int64_t vm_live_handles(int32_t kind)
     * }
     */
    public static long vm_live_handles(int kind) {
        var mh$ = vm_live_handles.HANDLE;
        try {
            return (long) mh$.invokeExact(kind);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_force_error {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_force_error");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_force_error(const char* message)
     * }
     */
    public static int vm_force_error(MemorySegment message) {
        var mh$ = vm_force_error.HANDLE;
        try {
            return (int) mh$.invokeExact(message);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_sizeof {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_sizeof");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_sizeof(const char* type, int64_t* out)
     * }
     */
    public static int vm_sizeof(MemorySegment type, MemorySegment out) {
        var mh$ = vm_sizeof.HANDLE;
        try {
            return (int) mh$.invokeExact(type, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_offsetof {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_offsetof");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_offsetof(const char* type, const char* field, int64_t* out)
     * }
     */
    public static int vm_offsetof(MemorySegment type, MemorySegment field, MemorySegment out) {
        var mh$ = vm_offsetof.HANDLE;
        try {
            return (int) mh$.invokeExact(type, field, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_model_from_xml_string {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_model_from_xml_string");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_model_from_xml_string(const char* xml, mjModel** out)
     * }
     */
    public static int vm_model_from_xml_string(MemorySegment xml, MemorySegment out) {
        var mh$ = vm_model_from_xml_string.HANDLE;
        try {
            return (int) mh$.invokeExact(xml, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_model_from_xml_file {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_model_from_xml_file");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_model_from_xml_file(const char* path, mjModel** out)
     * }
     */
    public static int vm_model_from_xml_file(MemorySegment path, MemorySegment out) {
        var mh$ = vm_model_from_xml_file.HANDLE;
        try {
            return (int) mh$.invokeExact(path, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_model_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_model_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_model_free(mjModel* m)
     * }
     */
    public static int vm_model_free(MemorySegment m) {
        var mh$ = vm_model_free.HANDLE;
        try {
            return (int) mh$.invokeExact(m);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_model_copy {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_model_copy");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_model_copy(const mjModel* m, mjModel** out)
     * }
     */
    public static int vm_model_copy(MemorySegment m, MemorySegment out) {
        var mh$ = vm_model_copy.HANDLE;
        try {
            return (int) mh$.invokeExact(m, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_model_array {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_model_array");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_model_array(const mjModel* m, const char* name, void** ptr, int64_t* rows, int64_t* cols, int32_t* elem_type)
     * }
     */
    public static int vm_model_array(MemorySegment m, MemorySegment name, MemorySegment ptr, MemorySegment rows, MemorySegment cols, MemorySegment elem_type) {
        var mh$ = vm_model_array.HANDLE;
        try {
            return (int) mh$.invokeExact(m, name, ptr, rows, cols, elem_type);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_name2id {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_name2id");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_name2id(const mjModel* m, int32_t obj_type, const char* name, int32_t* out)
     * }
     */
    public static int vm_name2id(MemorySegment m, int obj_type, MemorySegment name, MemorySegment out) {
        var mh$ = vm_name2id.HANDLE;
        try {
            return (int) mh$.invokeExact(m, obj_type, name, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_id2name {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_id2name");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_id2name(const mjModel* m, int32_t obj_type, int32_t id, const char** out)
     * }
     */
    public static int vm_id2name(MemorySegment m, int obj_type, int id, MemorySegment out) {
        var mh$ = vm_id2name.HANDLE;
        try {
            return (int) mh$.invokeExact(m, obj_type, id, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_count {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_count");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_count(const mjModel* m, int32_t obj_type, int32_t* out)
     * }
     */
    public static int vm_count(MemorySegment m, int obj_type, MemorySegment out) {
        var mh$ = vm_count.HANDLE;
        try {
            return (int) mh$.invokeExact(m, obj_type, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_data_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_data_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_data_create(const mjModel* m, mjData** out)
     * }
     */
    public static int vm_data_create(MemorySegment m, MemorySegment out) {
        var mh$ = vm_data_create.HANDLE;
        try {
            return (int) mh$.invokeExact(m, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_data_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_data_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_data_free(mjData* d)
     * }
     */
    public static int vm_data_free(MemorySegment d) {
        var mh$ = vm_data_free.HANDLE;
        try {
            return (int) mh$.invokeExact(d);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_data_copy {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_data_copy");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_data_copy(const mjModel* m, mjData* dst, const mjData* src)
     * }
     */
    public static int vm_data_copy(MemorySegment m, MemorySegment dst, MemorySegment src) {
        var mh$ = vm_data_copy.HANDLE;
        try {
            return (int) mh$.invokeExact(m, dst, src);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_data_array {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_data_array");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_data_array(const mjModel* m, const mjData* d, const char* name, void** ptr, int64_t* rows, int64_t* cols, int32_t* elem_type)
     * }
     */
    public static int vm_data_array(MemorySegment m, MemorySegment d, MemorySegment name, MemorySegment ptr, MemorySegment rows, MemorySegment cols, MemorySegment elem_type) {
        var mh$ = vm_data_array.HANDLE;
        try {
            return (int) mh$.invokeExact(m, d, name, ptr, rows, cols, elem_type);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_reset {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_reset");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_reset(const mjModel* m, mjData* d)
     * }
     */
    public static int vm_reset(MemorySegment m, MemorySegment d) {
        var mh$ = vm_reset.HANDLE;
        try {
            return (int) mh$.invokeExact(m, d);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_reset_keyframe {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT);
        static final MemorySegment ADDR = findOrThrow("vm_reset_keyframe");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_reset_keyframe(const mjModel* m, mjData* d, int32_t key)
     * }
     */
    public static int vm_reset_keyframe(MemorySegment m, MemorySegment d, int key) {
        var mh$ = vm_reset_keyframe.HANDLE;
        try {
            return (int) mh$.invokeExact(m, d, key);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_forward {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_forward");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_forward(const mjModel* m, mjData* d)
     * }
     */
    public static int vm_forward(MemorySegment m, MemorySegment d) {
        var mh$ = vm_forward.HANDLE;
        try {
            return (int) mh$.invokeExact(m, d);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_step {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_step");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_step(const mjModel* m, mjData* d, int32_t nsteps, int32_t* out_flags)
     * }
     */
    public static int vm_step(MemorySegment m, MemorySegment d, int nsteps, MemorySegment out_flags) {
        var mh$ = vm_step.HANDLE;
        try {
            return (int) mh$.invokeExact(m, d, nsteps, out_flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_step_batch {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_step_batch");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_step_batch(const mjModel* const* models, mjData* const* datas, int32_t n, int32_t nsteps, int32_t* out_flags)
     * }
     */
    public static int vm_step_batch(MemorySegment models, MemorySegment datas, int n, int nsteps, MemorySegment out_flags) {
        var mh$ = vm_step_batch.HANDLE;
        try {
            return (int) mh$.invokeExact(models, datas, n, nsteps, out_flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_create(vm_gl** out)
     * }
     */
    public static int vm_gl_create(MemorySegment out) {
        var mh$ = vm_gl_create.HANDLE;
        try {
            return (int) mh$.invokeExact(out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_free(vm_gl* gl)
     * }
     */
    public static int vm_gl_free(MemorySegment gl) {
        var mh$ = vm_gl_free.HANDLE;
        try {
            return (int) mh$.invokeExact(gl);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_make_current {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_make_current");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_make_current(vm_gl* gl)
     * }
     */
    public static int vm_gl_make_current(MemorySegment gl) {
        var mh$ = vm_gl_make_current.HANDLE;
        try {
            return (int) mh$.invokeExact(gl);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_release_current {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_release_current");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_release_current(vm_gl* gl)
     * }
     */
    public static int vm_gl_release_current(MemorySegment gl) {
        var mh$ = vm_gl_release_current.HANDLE;
        try {
            return (int) mh$.invokeExact(gl);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_describe {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_describe");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_describe(vm_gl* gl, const char** out)
     * }
     */
    public static int vm_gl_describe(MemorySegment gl, MemorySegment out) {
        var mh$ = vm_gl_describe.HANDLE;
        try {
            return (int) mh$.invokeExact(gl, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_gl_egl_handles {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_gl_egl_handles");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_gl_egl_handles(vm_gl* gl, void** display, void** context)
     * }
     */
    public static int vm_gl_egl_handles(MemorySegment gl, MemorySegment display, MemorySegment context) {
        var mh$ = vm_gl_egl_handles.HANDLE;
        try {
            return (int) mh$.invokeExact(gl, display, context);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_renderer_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_INT, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_renderer_create");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_renderer_create(vm_gl* gl, const mjModel* m, int32_t width, int32_t height, int32_t max_geom, vm_renderer** out)
     * }
     */
    public static int vm_renderer_create(MemorySegment gl, MemorySegment m, int width, int height, int max_geom, MemorySegment out) {
        var mh$ = vm_renderer_create.HANDLE;
        try {
            return (int) mh$.invokeExact(gl, m, width, height, max_geom, out);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_renderer_free {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_renderer_free");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_renderer_free(vm_renderer* r)
     * }
     */
    public static int vm_renderer_free(MemorySegment r) {
        var mh$ = vm_renderer_free.HANDLE;
        try {
            return (int) mh$.invokeExact(r);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_renderer_set_flag {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_INT);
        static final MemorySegment ADDR = findOrThrow("vm_renderer_set_flag");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_renderer_set_flag(vm_renderer* r, int32_t flag, int32_t value)
     * }
     */
    public static int vm_renderer_set_flag(MemorySegment r, int flag, int value) {
        var mh$ = vm_renderer_set_flag.HANDLE;
        try {
            return (int) mh$.invokeExact(r, flag, value);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_render {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_render");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_render(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera, uint8_t* out_rgb, float* out_depth)
     * }
     */
    public static int vm_render(MemorySegment r, MemorySegment d, int camera, MemorySegment free_camera, MemorySegment out_rgb, MemorySegment out_depth) {
        var mh$ = vm_render.HANDLE;
        try {
            return (int) mh$.invokeExact(r, d, camera, free_camera, out_rgb, out_depth);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class vm_render_segmentation {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER, VlarlMujoco.C_INT, VlarlMujoco.C_POINTER, VlarlMujoco.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("vm_render_segmentation");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int vm_render_segmentation(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera, int32_t* out_geom)
     * }
     */
    public static int vm_render_segmentation(MemorySegment r, MemorySegment d, int camera, MemorySegment free_camera, MemorySegment out_geom) {
        var mh$ = vm_render_segmentation.HANDLE;
        try {
            return (int) mh$.invokeExact(r, d, camera, free_camera, out_geom);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
