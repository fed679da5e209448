package dev.vlarl.kernels;

import dev.vlarl.bindings.CudaException;
import dev.vlarl.bindings.NativeLibraryException;
import java.lang.foreign.MemorySegment;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * CUDA driver API through JCuda (org.jcuda:jcuda, built for CUDA 12; the driver API loads
 * against any newer driver). The second launch path, for comparison with Panama.
 *
 * <p>Differences from {@link PanamaCudaLauncher}: JCuda cannot wrap a raw CUstream address
 * (its CUstream(long) constructor is package-private), so launches go to the default
 * stream; device pointers are passed as 8-byte values, which is what a pointer kernel
 * parameter is. JCuda's JNI library links libcuda.so.1: where the driver is missing it
 * fails to load and the constructor says so.
 */
final class JCudaLauncher implements CudaLauncher {
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUstream stream = new CUstream(); // null: the default stream
    private final CUfunction[] functions = new CUfunction[Kernel.values().length];
    // Per kernel and argument a one-element array the kernelParams pointer refers to.
    private final long[][][] longSlots = new long[Kernel.values().length][][];
    private final int[][][] intSlots = new int[Kernel.values().length][][];
    private final Pointer[] params = new Pointer[Kernel.values().length];
    private boolean closed;

    /** Why JCuda cannot run here, or null (probed once). */
    static String unavailableReason() {
        return Probe.REASON;
    }

    private static final class Probe {
        static final String REASON = probe();

        private static String probe() {
            try {
                JCudaDriver.setExceptionsEnabled(false);
                int r = JCudaDriver.cuInit(0);
                return r == 0 ? null : "cuInit failed: " + errorString(r);
            } catch (LinkageError e) {
                // JCuda's message holds nested stack traces; keep the line that names the cause
                String msg = String.valueOf(e.getMessage());
                for (String line : msg.split("\n")) {
                    if (line.contains("libcuda") || line.contains("cannot open")) return "JCuda's JNI library did not load: " + line.trim();
                }
                return "JCuda's JNI library did not load: " + msg.lines().findFirst().orElse(e.toString());
            }
        }
    }

    JCudaLauncher(int ordinal) {
        String reason = unavailableReason();
        if (reason != null) throw new NativeLibraryException("CUDA (JCuda) unavailable: " + reason);
        check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet");
        check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
        boolean loaded = false;
        try {
            check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
            byte[] image = CudaLauncher.fatbin();
            byte[] z = java.util.Arrays.copyOf(image, image.length + 1);
            check(JCudaDriver.cuModuleLoadData(module, z), "cuModuleLoadData(vlarl_kernels.fatbin)");
            loaded = true;
            for (Kernel k : Kernel.values()) {
                CUfunction f = new CUfunction();
                check(JCudaDriver.cuModuleGetFunction(f, module, k.symbol), "cuModuleGetFunction(" + k.symbol + ")");
                functions[k.ordinal()] = f;
                int n = k.args.length;
                long[][] ls = new long[n][];
                int[][] is = new int[n][];
                Pointer[] ps = new Pointer[n];
                for (int i = 0; i < n; i++) {
                    if (k.args[i] == Arg.PTR || k.args[i] == Arg.I64) {
                        ls[i] = new long[1];
                        ps[i] = Pointer.to(ls[i]);
                    } else {
                        is[i] = new int[1];
                        ps[i] = Pointer.to(is[i]);
                    }
                }
                longSlots[k.ordinal()] = ls;
                intSlots[k.ordinal()] = is;
                params[k.ordinal()] = Pointer.to(ps);
            }
        } catch (RuntimeException e) {
            if (loaded) JCudaDriver.cuModuleUnload(module);
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
            throw e;
        }
    }

    private static String errorString(int r) {
        String[] s = new String[1];
        try {
            JCudaDriver.cuGetErrorString(r, s);
        } catch (RuntimeException | LinkageError e) {
            return "CUresult " + r;
        }
        return s[0] + " (" + r + ")";
    }

    private static void check(int r, String call) {
        if (r != 0) throw new CudaException(r, call + " failed: " + errorString(r));
    }

    @Override
    public String name() {
        return "cuda-jcuda";
    }

    @Override
    public void arg(Kernel k, int i, long value) {
        if (k.args[i] == Arg.PTR || k.args[i] == Arg.I64) {
            longSlots[k.ordinal()][i][0] = value;
        } else {
            intSlots[k.ordinal()][i][0] = (int) value;
        }
    }

    @Override
    public void launch(Kernel k, int gridX, int blockX) {
        check(JCudaDriver.cuLaunchKernel(functions[k.ordinal()], gridX, 1, 1, blockX, 1, 1, 0, stream,
                params[k.ordinal()], null), "cuLaunchKernel(" + k.symbol + ")");
    }

    @Override
    public void makeCurrent() {
        check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    private static CUdeviceptr ptr(long address) {
        return new CUdeviceptr().withByteOffset(address);
    }

    /** A CUdeviceptr that can tell its address (NativePointerObject keeps it protected). */
    private static final class DevicePtr extends CUdeviceptr {
        long address() {
            return getNativePointer() + getByteOffset();
        }
    }

    @Override
    public long malloc(long bytes) {
        DevicePtr p = new DevicePtr();
        check(JCudaDriver.cuMemAlloc(p, bytes), "cuMemAlloc(" + bytes + ")");
        return p.address();
    }

    @Override
    public void free(long devicePtr) {
        check(JCudaDriver.cuMemFree(ptr(devicePtr)), "cuMemFree");
    }

    @Override
    public void readBack(long devicePtr, MemorySegment host, long bytes) {
        synchronize();
        check(JCudaDriver.cuMemcpyDtoH(Pointer.to(host.asByteBuffer()), ptr(devicePtr), bytes), "cuMemcpyDtoH");
    }

    @Override
    public void synchronize() {
        check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        JCudaDriver.cuModuleUnload(module);
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
    }
}
