package dev.vlarl.kernels;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlGrpo;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import dev.vlarl.torch.Torch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The composite libtorch path (native/torch/vt_grpo.cpp): log_softmax, gather, exp,
 * clamp, maximum, mean and autograd, as a PyTorch user writes them, with out= variants
 * and reused scratch. The reference for the fused kernels and a selectable path
 * ({@code -Dvlarl.kernels=composite}).
 *
 * <p>Sampling uses libtorch's global generator (softmax + multinomial), reseeded from
 * (seed, offset) on each call, so its tokens are reproducible but differ from the fused
 * path's Philox draws.
 */
public final class CompositeTorchKernels implements TokenKernels {
    private static final ThreadLocal<MemorySegment> OUT =
            ThreadLocal.withInitial(() -> Arena.global().allocate(64, 64));

    private final int threads;

    /** @param threads libtorch intra-op threads set before each call (0: leave as is) */
    public CompositeTorchKernels(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        this.threads = threads;
    }

    @Override
    public String name() {
        return "composite-torch/" + threads + "t";
    }

    private void threads() {
        if (threads > 0 && Torch.numThreads() != threads) Torch.setNumThreads(threads);
    }

    @Override
    public void sample(Tensor logits, float temperature, long seed, long offset, Tensor tokens, Tensor logProbs) {
        Checks.logits(logits);
        Checks.vector(tokens, logits.size(0), DType.INT64, "tokens");
        threads();
        Torch.manualSeed(seed * 0x9E3779B97F4A7C15L + offset);
        check(VlarlGrpo.vg_sample(logits.handle(), temperature, tokens.handle(),
                logProbs == null ? MemorySegment.NULL : logProbs.handle()));
    }

    @Override
    public void logProb(Tensor logits, Tensor tokens, float temperature, Tensor logProbs) {
        threads();
        check(VlarlGrpo.vg_log_prob(logits.handle(), tokens.handle(), temperature, logProbs.handle()));
    }

    @Override
    public GrpoLossResult grpoLoss(GrpoLossBatch b, GrpoLossConfig c, Tensor grad, Tensor logProbs) {
        threads();
        MemorySegment out = OUT.get();
        check(VlarlGrpo.vg_grpo_loss(b.logits().handle(), b.tokens().handle(), b.oldLogProbs().handle(),
                b.advantages().handle(), b.mask().handle(), c.temperature(), c.clipLow(), c.clipHigh(), grad.handle(),
                logProbs == null ? MemorySegment.NULL : logProbs.handle(), out, out.asSlice(8)));
        return new GrpoLossResult(out.get(ValueLayout.JAVA_DOUBLE, 0), out.get(ValueLayout.JAVA_DOUBLE, 8));
    }

    @Override
    public void close() {}
}
