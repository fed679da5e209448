// Bindings for the few EGL 1.5 calls Java makes itself, bound directly on libEGL.so.1 (the
// GLVND dispatcher: Mesa here, NVIDIA's EGL on a GPU machine), in jextract's shape.
//
// The offscreen context itself is created in the MuJoCo shim (vm_gl_create): the C
// benchmark loop needs the same code, and vm_render must make the context current in the
// same downcall that draws (contexts are per thread). Java uses these to inspect it: is it
// current on this thread, which vendor, version and extensions does the display offer.
package dev.vlarl.bindings;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw downcalls into libEGL.so.1. Unchecked: a failed call returns what EGL returns. */
public final class Egl {
    private Egl() {}

    public static final int EGL_SUCCESS = 0x3000;
    public static final int EGL_VENDOR = 0x3053;
    public static final int EGL_VERSION = 0x3054;
    public static final int EGL_EXTENSIONS = 0x3055;
    public static final int EGL_CLIENT_APIS = 0x308D;
    /** EGL_NO_DISPLAY / EGL_NO_CONTEXT */
    public static final MemorySegment EGL_NO_DISPLAY = MemorySegment.NULL;

    static final String LIBRARY = "libEGL.so.1";

    private static final class Lib {
        static final SymbolLookup LOOKUP =
                NativeLibraries.system("libEGL (Debian packages libegl1, libegl-mesa0)", "libEGL.so.1", "libEGL.so");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    /** eglQueryString as a Java string ("" when EGL returns NULL). */
    public static String queryString(MemorySegment display, int name) {
        MemorySegment s = eglQueryString(display, name);
        return s.equals(MemorySegment.NULL) ? "" : s.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private static final class eglGetCurrentContext {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ValueLayout.ADDRESS);
        static final MemorySegment ADDR = findOrThrow("eglGetCurrentContext");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * EGLContext eglGetCurrentContext(void)
     * }
     */
    public static MemorySegment eglGetCurrentContext() {
        var mh$ = eglGetCurrentContext.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class eglGetCurrentDisplay {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ValueLayout.ADDRESS);
        static final MemorySegment ADDR = findOrThrow("eglGetCurrentDisplay");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * EGLDisplay eglGetCurrentDisplay(void)
     * }
     */
    public static MemorySegment eglGetCurrentDisplay() {
        var mh$ = eglGetCurrentDisplay.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class eglGetError {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ValueLayout.JAVA_INT);
        static final MemorySegment ADDR = findOrThrow("eglGetError");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * EGLint eglGetError(void)
     * }
     */
    public static int eglGetError() {
        var mh$ = eglGetError.HANDLE;
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class eglQueryString {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        static final MemorySegment ADDR = findOrThrow("eglQueryString");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * const char* eglQueryString(EGLDisplay dpy, EGLint name)
     * }
     */
    public static MemorySegment eglQueryString(MemorySegment dpy, int name) {
        var mh$ = eglQueryString.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact(dpy, name);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class eglGetProcAddress {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        static final MemorySegment ADDR = findOrThrow("eglGetProcAddress");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * void (*eglGetProcAddress(const char* procname))(void)
     * }
     */
    public static MemorySegment eglGetProcAddress(MemorySegment procname) {
        var mh$ = eglGetProcAddress.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact(procname);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
