package dev.vlarl.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log-prob at a temperature gathered at given tokens, over float32[T, 256]: fused kernel
 * vs libtorch's div / log_softmax / gather (out= variants, reused scratch), with the
 * read+write bound of GrpoLossBenchmark measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LogProbBenchmark {

    @Benchmark
    public void b00_bound_readWrite(TokenBatchState s) {
        s.fused.streamScale(s.logits, s.grad, 1.0f);
    }

    @Benchmark
    public void b01_fused(TokenBatchState s) {
        s.fused.logProb(s.logits, s.tokenIds, TokenBatchState.CFG.temperature(), s.logProbs);
    }

    @Benchmark
    public void b02_composite(TokenBatchState s) {
        s.composite.logProb(s.logits, s.tokenIds, TokenBatchState.CFG.temperature(), s.logProbs);
    }
}
