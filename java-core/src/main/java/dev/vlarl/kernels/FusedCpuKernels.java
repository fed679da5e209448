package dev.vlarl.kernels;

import static dev.vlarl.bindings.VlarlKernels.check;

import dev.vlarl.bindings.VlarlKernels;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The fused CPU kernels of libvlarl_kernels (kernels/vlarl_kernels.h): each row of logits
 * is read once, its exponentials vectorised with the best instruction set the CPU has
 * (AVX-512, AVX2 or scalar, chosen at run time), rows split over {@code threads} OpenMP
 * threads. Works on the tensors' memory directly.
 */
public final class FusedCpuKernels implements TokenKernels {
    private static final ThreadLocal<MemorySegment> OUT =
            ThreadLocal.withInitial(() -> Arena.global().allocate(64, 64));

    private final int threads;

    /** @param threads rows are split over this many threads (1 or 2 in vlarl) */
    public FusedCpuKernels(int threads) {
        if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
        this.threads = threads;
    }

    /** The code path in use: "avx512", "avx2" or "scalar". */
    public static String isa() {
        return VlarlKernels.vk_isa_name(VlarlKernels.vk_isa()).reinterpret(32).getString(0);
    }

    /** Forces a code path for all callers (VK_ISA_* of VlarlKernels; AUTO = best). */
    public static void setIsa(int isa) {
        check(VlarlKernels.vk_set_isa(isa));
    }

    /** Whether the CPU can run a code path. */
    public static boolean isaSupported(int isa) {
        return VlarlKernels.vk_isa_supported(isa) != 0;
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "fused-cpu/" + isa() + "/" + threads + "t";
    }

    @Override
    public void sample(Tensor logits, float temperature, long seed, long offset, Tensor tokens, Tensor logProbs) {
        Checks.logits(logits);
        long t = logits.size(0);
        Checks.vector(tokens, t, DType.INT64, "tokens");
        if (logProbs != null) Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        check(VlarlKernels.vk_sample(logits.data(), t, Checks.vocab(logits), temperature, seed, offset, tokens.data(),
                logProbs == null ? MemorySegment.NULL : logProbs.data(), threads));
    }

    @Override
    public void logProb(Tensor logits, Tensor tokens, float temperature, Tensor logProbs) {
        Checks.logits(logits);
        long t = logits.size(0);
        Checks.vector(tokens, t, DType.INT64, "tokens");
        Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        check(VlarlKernels.vk_log_prob(logits.data(), tokens.data(), t, Checks.vocab(logits), temperature,
                logProbs.data(), threads));
    }

    @Override
    public GrpoLossResult grpoLoss(GrpoLossBatch b, GrpoLossConfig c, Tensor grad, Tensor logProbs) {
        Checks.grad(grad, b.logits());
        long t = b.tokenCount();
        if (logProbs != null) Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        MemorySegment out = OUT.get();
        check(VlarlKernels.vk_grpo_loss(b.logits().data(), b.tokens().data(), b.oldLogProbs().data(),
                b.advantages().data(), b.mask().data(), t, Checks.vocab(b.logits()), c.temperature(), c.clipLow(),
                c.clipHigh(), grad.data(), logProbs == null ? MemorySegment.NULL : logProbs.data(), out,
                out.asSlice(8), threads));
        return new GrpoLossResult(out.get(ValueLayout.JAVA_DOUBLE, 0), out.get(ValueLayout.JAVA_DOUBLE, 8));
    }

    /** The read+write bound the loss is measured against: dst = src * scale over n floats. */
    public void streamScale(Tensor src, Tensor dst, float scale) {
        if (src.numel() != dst.numel() || src.dtype() != DType.FLOAT32 || dst.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("streamScale needs two float32 tensors of one size");
        }
        check(VlarlKernels.vk_stream_scale(src.data(), dst.data(), src.numel(), scale, threads));
    }

    @Override
    public void close() {}
}
