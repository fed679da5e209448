package dev.vlarl.bench.policy;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.ObservationBatch;
import dev.vlarl.policy.ActionTokenizer;
import dev.vlarl.policy.InstructionTokenizer;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.PolicyConfig;
import dev.vlarl.policy.PolicyFiles;
import dev.vlarl.policy.TinyVla;
import dev.vlarl.torch.Torch;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one policy query cost? The default-config TinyVLA policy (fresh weights: the cost
 * does not depend on them) with one task adapter, libtorch on {@code threads} intra-op threads.
 *
 * <ul>
 *   <li>b00_act_greedy / b01_act_sampled: {@link Policy#act} for one observation (batch 1),
 *       argmax or temperature-1.6 sampling: the control-loop latency.</li>
 *   <li>b02_act_batch: {@link Policy#actBatch} over {@code batch} observations (divide by
 *       batch for the cost per observation): rollout throughput.</li>
 * </ul>
 * Tail latencies (p99, p99.9) come from {@code ./vlarl policy bench} (HdrHistogram); run this
 * with {@code -prof gc} to see that act allocates nothing per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class PolicyActBenchmark {
    @Param({"1"})
    int threads;

    @Param({"8"})
    int batch;

    Policy policy;
    ObservationBatch one;
    ObservationBatch many;
    ActionChunk out;

    @Setup(Level.Trial)
    public void setup() {
        Torch.setNumThreads(threads);
        InstructionTokenizer w = InstructionTokenizer.build(List.of("pick up the red cube and place it in the bowl"));
        PolicyConfig c = PolicyConfig.defaults();
        PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(c, w.size()), w,
                new ActionTokenizer(new float[] {-1, -1, -1, -1}, new float[] {1, 1, 1, 1}, c.bins()));
        p.model().addTask("bench/task");
        policy = Policy.of(p);
        EnvSpec spec = new EnvSpec(c.image(), c.image(), c.chunk(), 10, 0.002, 0.02);
        one = filled(spec, 1);
        many = filled(spec, batch);
        out = new ActionChunk(batch, c.chunk());
    }

    static ObservationBatch filled(EnvSpec spec, int n) {
        ObservationBatch obs = new ObservationBatch(spec, n);
        SplittableRandom r = new SplittableRandom(n);
        for (int i = 0; i < n; i++) {
            for (long j = 0; j < spec.imageBytes(); j++) obs.image(i).set(ValueLayout.JAVA_BYTE, j, (byte) r.nextInt(256));
            for (int k = 0; k < EnvSpec.STATE_DIM; k++) obs.state(i).setAtIndex(ValueLayout.JAVA_FLOAT, k, (float) r.nextGaussian() * 0.1f);
            obs.setEpisode(i, "bench/task", "pick up the red cube and place it in the bowl");
        }
        return obs;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        policy.close();
        one.close();
        many.close();
        out.close();
    }

    @Benchmark
    public ActionChunk b00_act_greedy() {
        return policy.act(one, 0, 0.0);
    }

    @Benchmark
    public ActionChunk b01_act_sampled() {
        return policy.act(one, 0, 1.6);
    }

    @Benchmark
    public ActionChunk b02_act_batch() {
        policy.actBatch(many, out, 1.6);
        return out;
    }
}
