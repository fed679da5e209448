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
 * Temperature sampling of one token per row (with its log-prob) over float32[T, 256]:
 * fused Philox + one-pass inverse CDF vs libtorch's softmax + multinomial (+ log_softmax
 * and gather for the log-prob), with the read+write bound measured in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SampleBenchmark {

    @Benchmark
    public void b00_bound_readWrite(TokenBatchState s) {
        s.fused.streamScale(s.logits, s.grad, 1.0f);
    }

    @Benchmark
    public void b01_fused(TokenBatchState s) {
        s.fused.sample(s.logits, TokenBatchState.CFG.temperature(), 1234L, s.offset, s.tokenIds, s.logProbs);
        s.offset += s.tokens;
    }

    @Benchmark
    public void b02_composite(TokenBatchState s) {
        s.composite.sample(s.logits, TokenBatchState.CFG.temperature(), 1234L, s.offset, s.tokenIds, s.logProbs);
        s.offset += s.tokens;
    }
}
