package dev.vlarl.bench.kernels;

import dev.vlarl.kernels.CompositeTorchKernels;
import dev.vlarl.kernels.FusedCpuKernels;
import dev.vlarl.kernels.GrpoLossBatch;
import dev.vlarl.kernels.GrpoLossConfig;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import dev.vlarl.torch.Torch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One batch of T action tokens (256 bins) in libtorch tensors, allocated once per trial,
 * and the two CPU paths on {@code threads} threads. Inputs as in GRPO training: logits
 * ~ N(0, 2.5), old log-probs near the current ones (ratios straddle the clip bounds),
 * advantages +-(0.2..1.2), 80% valid tokens.
 */
@State(Scope.Benchmark)
public class TokenBatchState {
    static final int V = 256;
    static final GrpoLossConfig CFG = GrpoLossConfig.REFERENCE;

    @Param({"4096", "16384", "65536"})
    public int tokens;

    @Param({"1", "2"})
    public int threads;

    dev.vlarl.torch.Scope scope;
    Tensor logits, tokenIds, oldLogp, advantages, mask, grad, logProbs;
    GrpoLossBatch batch;
    FusedCpuKernels fused;
    CompositeTorchKernels composite;
    long offset;

    @Setup(Level.Trial)
    public void setUp() {
        Torch.setNumThreads(threads);
        scope = dev.vlarl.torch.Scope.open();
        logits = scope.attach(Tensor.zeros(DType.FLOAT32, tokens, V));
        tokenIds = scope.attach(Tensor.zeros(DType.INT64, tokens));
        oldLogp = scope.attach(Tensor.zeros(DType.FLOAT32, tokens));
        advantages = scope.attach(Tensor.zeros(DType.FLOAT32, tokens));
        mask = scope.attach(Tensor.zeros(DType.BOOL, tokens));
        grad = scope.attach(Tensor.zeros(DType.FLOAT32, tokens, V));
        logProbs = scope.attach(Tensor.zeros(DType.FLOAT32, tokens));
        SplittableRandom r = new SplittableRandom(tokens * 31L + threads);
        MemorySegment x = logits.data();
        for (long i = 0; i < (long) tokens * V; i++) {
            x.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (gauss(r) * 2.5));
        }
        for (int t = 0; t < tokens; t++) {
            tokenIds.data().setAtIndex(ValueLayout.JAVA_LONG, t, r.nextInt(V));
            advantages.data().setAtIndex(ValueLayout.JAVA_FLOAT, t, (float) ((r.nextBoolean() ? 1 : -1) * (0.2 + r.nextDouble())));
            mask.data().set(ValueLayout.JAVA_BYTE, t, (byte) (r.nextDouble() < 0.8 ? 1 : 0));
        }
        fused = new FusedCpuKernels(threads);
        composite = new CompositeTorchKernels(threads);
        fused.logProb(logits, tokenIds, CFG.temperature(), oldLogp);
        for (int t = 0; t < tokens; t++) {
            float lp = oldLogp.data().getAtIndex(ValueLayout.JAVA_FLOAT, t);
            oldLogp.data().setAtIndex(ValueLayout.JAVA_FLOAT, t, (float) (lp + gauss(r) * 0.3));
        }
        batch = new GrpoLossBatch(logits, tokenIds, oldLogp, advantages, mask);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fused.close();
        composite.close();
        scope.close();
    }
}
