package dev.vlarl.kernels;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.NativeException;
import dev.vlarl.bindings.VlarlGrpo;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** libtorch CUDA tensors for the CUDA kernels (needs libvlarl_torch built against a CUDA libtorch). */
public final class CudaTensors {
    private CudaTensors() {}

    /** Whether libtorch sees a CUDA device. */
    public static boolean available() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(ValueLayout.JAVA_INT);
            return VlarlGrpo.vg_cuda_available(s) == NativeException.OK && s.get(ValueLayout.JAVA_INT, 0) != 0;
        }
    }

    /** A copy of {@code t} on cuda:{@code device} (-1: back on the CPU), owned by the caller. */
    public static Tensor toDevice(Tensor t, int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(ValueLayout.ADDRESS);
            check(VlarlGrpo.vg_tensor_to_device(t.handle(), device, s));
            return Tensor.adopt(s.get(ValueLayout.ADDRESS, 0));
        }
    }

    /** Waits for libtorch's work on the device. */
    public static void synchronize(int device) {
        check(VlarlGrpo.vg_cuda_synchronize(device));
    }
}
