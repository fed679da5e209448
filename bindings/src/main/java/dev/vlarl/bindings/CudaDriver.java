// Bindings for the few CUDA driver API functions vlarl launches its kernels with (cuda.h,
// libcuda.so.1), in jextract's shape. Body generated with scripts/bindgen.py from the
// prototypes below, written with the ABI types cuda.h gives them:
//   CUresult, CUdevice -> int; CUdeviceptr -> uint64_t; CUcontext, CUmodule, CUfunction,
//   CUstream, CUevent -> void*. Versioned names (_v2) are the symbols cuda.h maps to.
// libcuda.so.1 comes with the NVIDIA driver; where it is missing (a machine without a
// GPU) the first call throws NativeLibraryException and isAvailable() says why.
package dev.vlarl.bindings;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw downcalls into the CUDA driver API. Unchecked: use {@link #check}. */
public final class CudaDriver {
    private CudaDriver() {}

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** CUresult CUDA_SUCCESS. */
    public static final int CUDA_SUCCESS = 0;
    /** CU_EVENT_DEFAULT. */
    public static final int CU_EVENT_DEFAULT = 0;

    static final String LIBRARY = "libcuda.so.1";

    private static final class Lib {
        static final SymbolLookup LOOKUP = NativeLibraries.system("the CUDA driver library (NVIDIA driver)",
                "libcuda.so.1", "libcuda.so");
    }

    static MemorySegment findOrThrow(String symbol) {
        return NativeLibraries.find(Lib.LOOKUP, LIBRARY, symbol);
    }

    /** Whether libcuda loads and cuInit succeeds; see {@link #unavailableReason()} otherwise. */
    public static boolean isAvailable() {
        return unavailableReason() == null;
    }

    /** Why the driver cannot be used here (null when it can). */
    public static String unavailableReason() {
        return Probe.REASON;
    }

    private static final class Probe {
        static final String REASON = probe();

        private static String probe() {
            try {
                // load the library first, so that a missing driver is a message, not a failed class init
                NativeLibraries.system("the CUDA driver library (NVIDIA driver)", "libcuda.so.1", "libcuda.so");
                int r = cuInit(0);
                if (r != CUDA_SUCCESS) return "cuInit failed: " + errorString(r);
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment n = a.allocate(C_INT);
                    r = cuDeviceGetCount(n);
                    if (r != CUDA_SUCCESS) return "cuDeviceGetCount failed: " + errorString(r);
                    if (n.get(C_INT, 0) == 0) return "no CUDA device";
                }
                return null;
            } catch (NativeLibraryException e) {
                return e.getMessage();
            }
        }
    }

    /** Throws a {@link CudaException} naming the call and the driver's message unless {@code result} is 0. */
    public static void check(int result, String call) {
        if (result != CUDA_SUCCESS) {
            throw new CudaException(result, call + " failed: " + errorString(result));
        }
    }

    /** The driver's text for a CUresult ("CUDA_ERROR_... (code)"). */
    public static String errorString(int result) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(C_POINTER);
            if (cuGetErrorString(result, p) == CUDA_SUCCESS && !p.get(C_POINTER, 0).equals(MemorySegment.NULL)) {
                return p.get(C_POINTER, 0).reinterpret(512).getString(0) + " (" + result + ")";
            }
        }
        return "CUresult " + result;
    }

    private static final class cuInit {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuInit");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuInit(uint32_t flags)
     * }
     */
    public static int cuInit(int flags) {
        var mh$ = cuInit.HANDLE;
        try {
            return (int) mh$.invokeExact(flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDriverGetVersion {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuDriverGetVersion");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDriverGetVersion(int* version)
     * }
     */
    public static int cuDriverGetVersion(MemorySegment version) {
        var mh$ = cuDriverGetVersion.HANDLE;
        try {
            return (int) mh$.invokeExact(version);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDeviceGetCount {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuDeviceGetCount");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDeviceGetCount(int* count)
     * }
     */
    public static int cuDeviceGetCount(MemorySegment count) {
        var mh$ = cuDeviceGetCount.HANDLE;
        try {
            return (int) mh$.invokeExact(count);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDeviceGet {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuDeviceGet");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDeviceGet(int* device, int ordinal)
     * }
     */
    public static int cuDeviceGet(MemorySegment device, int ordinal) {
        var mh$ = cuDeviceGet.HANDLE;
        try {
            return (int) mh$.invokeExact(device, ordinal);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDeviceGetName {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_INT, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuDeviceGetName");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDeviceGetName(char* name, int len, int dev)
     * }
     */
    public static int cuDeviceGetName(MemorySegment name, int len, int dev) {
        var mh$ = cuDeviceGetName.HANDLE;
        try {
            return (int) mh$.invokeExact(name, len, dev);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDevicePrimaryCtxRetain {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuDevicePrimaryCtxRetain");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDevicePrimaryCtxRetain(void** pctx, int dev)
     * }
     */
    public static int cuDevicePrimaryCtxRetain(MemorySegment pctx, int dev) {
        var mh$ = cuDevicePrimaryCtxRetain.HANDLE;
        try {
            return (int) mh$.invokeExact(pctx, dev);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuDevicePrimaryCtxRelease_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuDevicePrimaryCtxRelease_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuDevicePrimaryCtxRelease_v2(int dev)
     * }
     */
    public static int cuDevicePrimaryCtxRelease_v2(int dev) {
        var mh$ = cuDevicePrimaryCtxRelease_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dev);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuCtxSetCurrent {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuCtxSetCurrent");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuCtxSetCurrent(void* ctx)
     * }
     */
    public static int cuCtxSetCurrent(MemorySegment ctx) {
        var mh$ = cuCtxSetCurrent.HANDLE;
        try {
            return (int) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuCtxGetCurrent {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuCtxGetCurrent");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuCtxGetCurrent(void** pctx)
     * }
     */
    public static int cuCtxGetCurrent(MemorySegment pctx) {
        var mh$ = cuCtxGetCurrent.HANDLE;
        try {
            return (int) mh$.invokeExact(pctx);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuCtxSynchronize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuCtxSynchronize");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuCtxSynchronize()
     * }
     */
    public static int cuCtxSynchronize() {
        var mh$ = cuCtxSynchronize.HANDLE;
        try {
            return (int) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuModuleLoadData {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuModuleLoadData");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuModuleLoadData(void** module, const void* image)
     * }
     */
    public static int cuModuleLoadData(MemorySegment module, MemorySegment image) {
        var mh$ = cuModuleLoadData.HANDLE;
        try {
            return (int) mh$.invokeExact(module, image);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuModuleUnload {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuModuleUnload");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuModuleUnload(void* hmod)
     * }
     */
    public static int cuModuleUnload(MemorySegment hmod) {
        var mh$ = cuModuleUnload.HANDLE;
        try {
            return (int) mh$.invokeExact(hmod);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuModuleGetFunction {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_POINTER, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuModuleGetFunction");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuModuleGetFunction(void** hfunc, void* hmod, const char* name)
     * }
     */
    public static int cuModuleGetFunction(MemorySegment hfunc, MemorySegment hmod, MemorySegment name) {
        var mh$ = cuModuleGetFunction.HANDLE;
        try {
            return (int) mh$.invokeExact(hfunc, hmod, name);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuLaunchKernel {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_POINTER, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuLaunchKernel");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuLaunchKernel(void* f, uint32_t gridDimX, uint32_t gridDimY, uint32_t gridDimZ, uint32_t blockDimX, uint32_t blockDimY, uint32_t blockDimZ, uint32_t sharedMemBytes, void* hStream, void** kernelParams, void** extra)
     * }
     */
    public static int cuLaunchKernel(MemorySegment f, int gridDimX, int gridDimY, int gridDimZ, int blockDimX, int blockDimY, int blockDimZ, int sharedMemBytes, MemorySegment hStream, MemorySegment kernelParams, MemorySegment extra) {
        var mh$ = cuLaunchKernel.HANDLE;
        try {
            return (int) mh$.invokeExact(f, gridDimX, gridDimY, gridDimZ, blockDimX, blockDimY, blockDimZ, sharedMemBytes, hStream, kernelParams, extra);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemAlloc_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_LONG);
        static final MemorySegment ADDR = findOrThrow("cuMemAlloc_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemAlloc_v2(uint64_t* dptr, size_t bytesize)
     * }
     */
    public static int cuMemAlloc_v2(MemorySegment dptr, long bytesize) {
        var mh$ = cuMemAlloc_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dptr, bytesize);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemFree_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_LONG);
        static final MemorySegment ADDR = findOrThrow("cuMemFree_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemFree_v2(uint64_t dptr)
     * }
     */
    public static int cuMemFree_v2(long dptr) {
        var mh$ = cuMemFree_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dptr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemcpyHtoD_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_LONG, CudaDriver.C_POINTER, CudaDriver.C_LONG);
        static final MemorySegment ADDR = findOrThrow("cuMemcpyHtoD_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemcpyHtoD_v2(uint64_t dstDevice, const void* srcHost, size_t ByteCount)
     * }
     */
    public static int cuMemcpyHtoD_v2(long dstDevice, MemorySegment srcHost, long ByteCount) {
        var mh$ = cuMemcpyHtoD_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dstDevice, srcHost, ByteCount);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemcpyDtoH_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_LONG, CudaDriver.C_LONG);
        static final MemorySegment ADDR = findOrThrow("cuMemcpyDtoH_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemcpyDtoH_v2(void* dstHost, uint64_t srcDevice, size_t ByteCount)
     * }
     */
    public static int cuMemcpyDtoH_v2(MemorySegment dstHost, long srcDevice, long ByteCount) {
        var mh$ = cuMemcpyDtoH_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dstHost, srcDevice, ByteCount);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemcpyDtoDAsync_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_LONG, CudaDriver.C_LONG, CudaDriver.C_LONG, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuMemcpyDtoDAsync_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemcpyDtoDAsync_v2(uint64_t dstDevice, uint64_t srcDevice, size_t ByteCount, void* hStream)
     * }
     */
    public static int cuMemcpyDtoDAsync_v2(long dstDevice, long srcDevice, long ByteCount, MemorySegment hStream) {
        var mh$ = cuMemcpyDtoDAsync_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(dstDevice, srcDevice, ByteCount, hStream);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuMemsetD8Async {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_LONG, CudaDriver.C_INT, CudaDriver.C_LONG, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuMemsetD8Async");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuMemsetD8Async(uint64_t dstDevice, uint32_t uc, size_t N, void* hStream)
     * }
     */
    public static int cuMemsetD8Async(long dstDevice, int uc, long N, MemorySegment hStream) {
        var mh$ = cuMemsetD8Async.HANDLE;
        try {
            return (int) mh$.invokeExact(dstDevice, uc, N, hStream);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuStreamSynchronize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuStreamSynchronize");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuStreamSynchronize(void* hStream)
     * }
     */
    public static int cuStreamSynchronize(MemorySegment hStream) {
        var mh$ = cuStreamSynchronize.HANDLE;
        try {
            return (int) mh$.invokeExact(hStream);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuEventCreate {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_INT);
        static final MemorySegment ADDR = findOrThrow("cuEventCreate");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuEventCreate(void** phEvent, uint32_t flags)
     * }
     */
    public static int cuEventCreate(MemorySegment phEvent, int flags) {
        var mh$ = cuEventCreate.HANDLE;
        try {
            return (int) mh$.invokeExact(phEvent, flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuEventDestroy_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuEventDestroy_v2");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuEventDestroy_v2(void* hEvent)
     * }
     */
    public static int cuEventDestroy_v2(MemorySegment hEvent) {
        var mh$ = cuEventDestroy_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(hEvent);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuEventRecord {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuEventRecord");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuEventRecord(void* hEvent, void* hStream)
     * }
     */
    public static int cuEventRecord(MemorySegment hEvent, MemorySegment hStream) {
        var mh$ = cuEventRecord.HANDLE;
        try {
            return (int) mh$.invokeExact(hEvent, hStream);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuEventSynchronize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuEventSynchronize");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuEventSynchronize(void* hEvent)
     * }
     */
    public static int cuEventSynchronize(MemorySegment hEvent) {
        var mh$ = cuEventSynchronize.HANDLE;
        try {
            return (int) mh$.invokeExact(hEvent);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuEventElapsedTime {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_POINTER, CudaDriver.C_POINTER, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuEventElapsedTime");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuEventElapsedTime(float* pMilliseconds, void* hStart, void* hEnd)
     * }
     */
    public static int cuEventElapsedTime(MemorySegment pMilliseconds, MemorySegment hStart, MemorySegment hEnd) {
        var mh$ = cuEventElapsedTime.HANDLE;
        try {
            return (int) mh$.invokeExact(pMilliseconds, hStart, hEnd);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cuGetErrorString {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(CudaDriver.C_INT, CudaDriver.C_INT, CudaDriver.C_POINTER);
        static final MemorySegment ADDR = findOrThrow("cuGetErrorString");
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * {@snippet lang=c :
     * int cuGetErrorString(int error, const char** pStr)
     * }
     */
    public static int cuGetErrorString(int error, MemorySegment pStr) {
        var mh$ = cuGetErrorString.HANDLE;
        try {
            return (int) mh$.invokeExact(error, pStr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
