package dev.vlarl.torch;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlTorch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Composite libtorch losses (autograd-tracked); the caller owns the returned scalar. */
public final class Losses {
    private Losses() {}

    /** Mean cross-entropy of logits float32[N, C] against targets int64[N]. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_cross_entropy(logits.handle(), targets.handle(), s));
        return Tensor.adopt(s.get(ValueLayout.ADDRESS, 0));
    }

    /** Mean squared error. */
    public static Tensor mse(Tensor a, Tensor b) {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_mse(a.handle(), b.handle(), s));
        return Tensor.adopt(s.get(ValueLayout.ADDRESS, 0));
    }
}
