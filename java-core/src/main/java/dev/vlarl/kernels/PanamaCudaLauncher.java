package dev.vlarl.kernels;

import static dev.vlarl.bindings.CudaDriver.check;

import dev.vlarl.bindings.CudaDriver;
import dev.vlarl.bindings.NativeException;
import dev.vlarl.bindings.NativeLibraryException;
import dev.vlarl.bindings.VlarlGrpo;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * CUDA driver API through Panama (dev.vlarl.bindings.CudaDriver on libcuda.so.1). Launches
 * on libtorch's current CUDA stream, re-read at each kernel call, when libvlarl_torch was
 * built against a CUDA libtorch with -DVLARL_TORCH_CUDA (vg_cuda_current_stream; gpu-run.sh
 * does so); otherwise on the default (legacy) stream, which orders itself with libtorch's
 * default stream but not with other streams.
 */
final class PanamaCudaLauncher implements CudaLauncher {
    private final Arena arena = Arena.ofShared();
    private final int device;
    private final MemorySegment context;
    private final MemorySegment module;
    // libtorch's current stream, re-read at each call (it may change between calls)
    private MemorySegment stream;
    private final boolean torchStreams;
    private final MemorySegment[] functions = new MemorySegment[Kernel.values().length];
    // Per kernel: [8-byte value slots][pointer to each slot] = the kernelParams array.
    private final MemorySegment[] values = new MemorySegment[Kernel.values().length];
    private final MemorySegment[] params = new MemorySegment[Kernel.values().length];
    private final MemorySegment out;
    private boolean closed;

    PanamaCudaLauncher(int device) {
        String reason = CudaDriver.unavailableReason();
        if (reason != null) throw new NativeLibraryException("CUDA (Panama) unavailable: " + reason);
        this.device = device;
        out = arena.allocate(64, 64);
        check(CudaDriver.cuDeviceGet(out, device), "cuDeviceGet");
        int dev = out.get(ValueLayout.JAVA_INT, 0);
        check(CudaDriver.cuDevicePrimaryCtxRetain(out, dev), "cuDevicePrimaryCtxRetain");
        context = out.get(ValueLayout.ADDRESS, 0);
        MemorySegment mod = MemorySegment.NULL;
        try {
            check(CudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
            byte[] image = CudaLauncher.fatbin();
            MemorySegment img = arena.allocate(image.length + 1L, 64);
            MemorySegment.copy(image, 0, img, ValueLayout.JAVA_BYTE, 0, image.length);
            check(CudaDriver.cuModuleLoadData(out, img), "cuModuleLoadData(vlarl_kernels.fatbin)");
            mod = out.get(ValueLayout.ADDRESS, 0);
            for (Kernel k : Kernel.values()) {
                check(CudaDriver.cuModuleGetFunction(out, mod, arena.allocateFrom(k.symbol)),
                        "cuModuleGetFunction(" + k.symbol + ")");
                functions[k.ordinal()] = out.get(ValueLayout.ADDRESS, 0);
                int n = k.args.length;
                MemorySegment v = arena.allocate(8L * n, 8);
                MemorySegment p = arena.allocate(8L * n, 8);
                for (int i = 0; i < n; i++) p.setAtIndex(ValueLayout.ADDRESS, i, v.asSlice(8L * i));
                values[k.ordinal()] = v;
                params[k.ordinal()] = p;
            }
        } catch (RuntimeException e) {
            if (!mod.equals(MemorySegment.NULL)) CudaDriver.cuModuleUnload(mod);
            CudaDriver.cuDevicePrimaryCtxRelease_v2(dev);
            arena.close();
            throw e;
        }
        module = mod;
        stream = torchStream(device, out);
        torchStreams = !stream.equals(MemorySegment.NULL);
    }

    private static MemorySegment torchStream(int device, MemorySegment out) {
        try {
            if (VlarlGrpo.vg_cuda_current_stream(device, out) == NativeException.OK) {
                return out.get(ValueLayout.ADDRESS, 0);
            }
        } catch (NativeLibraryException e) {
            // no torch shim: the default stream
        }
        return MemorySegment.NULL;
    }

    /** Whether launches go to libtorch's current stream (else the default stream). */
    boolean onTorchStream() {
        return torchStreams;
    }

    @Override
    public String name() {
        return "cuda-panama";
    }

    @Override
    public void arg(Kernel k, int i, long value) {
        MemorySegment v = values[k.ordinal()];
        switch (k.args[i]) {
            case PTR, I64 -> v.set(ValueLayout.JAVA_LONG, 8L * i, value);
            case I32, F32 -> v.set(ValueLayout.JAVA_INT, 8L * i, (int) value);
        }
    }

    @Override
    public void launch(Kernel k, int gridX, int blockX) {
        check(CudaDriver.cuLaunchKernel(functions[k.ordinal()], gridX, 1, 1, blockX, 1, 1, 0, stream,
                params[k.ordinal()], MemorySegment.NULL), "cuLaunchKernel(" + k.symbol + ")");
    }

    @Override
    public void makeCurrent() {
        check(CudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
        if (torchStreams) stream = torchStream(device, out);
    }

    @Override
    public long malloc(long bytes) {
        check(CudaDriver.cuMemAlloc_v2(out, bytes), "cuMemAlloc(" + bytes + ")");
        return out.get(ValueLayout.JAVA_LONG, 0);
    }

    @Override
    public void free(long devicePtr) {
        check(CudaDriver.cuMemFree_v2(devicePtr), "cuMemFree");
    }

    @Override
    public void readBack(long devicePtr, MemorySegment host, long bytes) {
        synchronize();
        check(CudaDriver.cuMemcpyDtoH_v2(host, devicePtr, bytes), "cuMemcpyDtoH");
    }

    @Override
    public void synchronize() {
        check(CudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    /** Device-to-device copy on the launcher's stream (the bandwidth reference). */
    void copyDeviceToDevice(long dst, long src, long bytes) {
        check(CudaDriver.cuMemcpyDtoDAsync_v2(dst, src, bytes, stream), "cuMemcpyDtoDAsync");
    }

    /** Milliseconds the stream spends on {@code work}, by CUDA events. */
    float timeMs(Runnable work) {
        check(CudaDriver.cuEventCreate(out, CudaDriver.CU_EVENT_DEFAULT), "cuEventCreate");
        MemorySegment start = out.get(ValueLayout.ADDRESS, 0);
        check(CudaDriver.cuEventCreate(out, CudaDriver.CU_EVENT_DEFAULT), "cuEventCreate");
        MemorySegment end = out.get(ValueLayout.ADDRESS, 0);
        try {
            check(CudaDriver.cuEventRecord(start, stream), "cuEventRecord");
            work.run();
            check(CudaDriver.cuEventRecord(end, stream), "cuEventRecord");
            check(CudaDriver.cuEventSynchronize(end), "cuEventSynchronize");
            check(CudaDriver.cuEventElapsedTime(out, start, end), "cuEventElapsedTime");
            return out.get(ValueLayout.JAVA_FLOAT, 0);
        } finally {
            CudaDriver.cuEventDestroy_v2(start);
            CudaDriver.cuEventDestroy_v2(end);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            CudaDriver.cuModuleUnload(module);
            MemorySegment s = arena.allocate(8);
            if (CudaDriver.cuDeviceGet(s, device) == CudaDriver.CUDA_SUCCESS) {
                CudaDriver.cuDevicePrimaryCtxRelease_v2(s.get(ValueLayout.JAVA_INT, 0));
            }
        } finally {
            arena.close();
        }
    }
}
