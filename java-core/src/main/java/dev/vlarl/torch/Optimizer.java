package dev.vlarl.torch;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlTorch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A libtorch optimiser over a module's trainable parameters ("adamw" or "sgd"). */
public final class Optimizer extends NativeResource {
    private final MemorySegment handle;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment norm = arena.allocate(ValueLayout.JAVA_DOUBLE);

    private Optimizer(MemorySegment handle) {
        this.handle = handle;
    }

    /** e.g. {@code create(module, "adamw", "lr=1e-3,weight_decay=0.01")}. */
    public static Optimizer create(TorchModule module, String kind, String config) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlTorch.vt_optim_create(module.handle(), a.allocateFrom(kind),
                    a.allocateFrom(config == null ? "" : config), out));
            return new Optimizer(out.get(ValueLayout.ADDRESS, 0));
        }
    }

    public void zeroGrad() {
        ensureOpen();
        check(VlarlTorch.vt_optim_zero_grad(handle));
    }

    /**
     * Clips the global gradient norm to {@code maxNorm} (&lt;= 0: none), steps, and returns the
     * norm before clipping. A non-finite norm skips the step and throws.
     */
    public double step(double maxNorm) {
        ensureOpen();
        check(VlarlTorch.vt_optim_step(handle, maxNorm, norm));
        return norm.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    @Override
    protected void release() {
        try {
            check(VlarlTorch.vt_optim_free(handle));
        } finally {
            arena.close();
        }
    }
}
