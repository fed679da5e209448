package dev.vlarl.bench.kernels;

import dev.vlarl.kernels.GrpoLossResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GRPO clipped-ratio loss, forward + backward to dLoss/dlogits over float32[T, 256]:
 * the fused one-pass kernel against libtorch's composite (log_softmax, gather, exp,
 * clamp, maximum, mean, autograd), and both against the physical bound measured in the
 * same run: one pass that reads the logits and writes a gradient of the same size.
 * Steady state: every buffer is allocated once per trial; run under the launcher's
 * allocator settings (GLIBC_TUNABLES) and ATEN_CPU_CAPABILITY=avx512.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GrpoLossBenchmark {

    /** The bound: grad = logits * 1 (read T x 256 floats, write as many). */
    @Benchmark
    public void b00_bound_readWrite(TokenBatchState s) {
        s.fused.streamScale(s.logits, s.grad, 1.0f);
    }

    @Benchmark
    public GrpoLossResult b01_fused(TokenBatchState s) {
        return s.fused.grpoLoss(s.batch, TokenBatchState.CFG, s.grad, s.logProbs);
    }

    @Benchmark
    public GrpoLossResult b02_composite(TokenBatchState s) {
        return s.composite.grpoLoss(s.batch, TokenBatchState.CFG, s.grad, s.logProbs);
    }
}
