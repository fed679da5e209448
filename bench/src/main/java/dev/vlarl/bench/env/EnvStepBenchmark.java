package dev.vlarl.bench.env;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.Goal;
import dev.vlarl.env.Sim;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.sim.MjData;
import dev.vlarl.sim.MjModel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What do the batched environments cost per physics step and per rendered frame, and what
 * does the Java driving add over C? Per invocation (divide as noted; docs/results/env.md does):
 *
 * <ul>
 *   <li>b00_physics: a chunk of physics for N environments of the object-suite scene (8
 *       free objects, gripper, plate, bin), as part of {@link BatchedEnv#step} over N
 *       environments: action decoding, servo targets, vm_step with 10 substeps, success
 *       predicate. The episode never ends (a benchmark task with no step limit).</li>
 *   <li>b01_render: N 128 x 128 observations (state + offscreen frame read back into the
 *       off-heap batch), {@link BatchedEnv#observe}.</li>
 *   <li>b02_tiny: 10 substeps of a one-body model through {@link MjData#step}, the calls
 *       {@code vm_loop} makes (write ctrl, vm_step(10)): where call overhead shows.</li>
 * </ul>
 * Compare with {@code build/native/bin/vm_loop} on the same MJCF ({@code ./vlarl envs bench}
 * runs both). Run with {@code -prof gc}: steady-state stepping allocates nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class EnvStepBenchmark {
    static final String TINY = """
            <mujoco model="tiny"><option timestep="0.002"/>
              <worldbody><body name="b"><joint name="j" type="slide" axis="1 0 0"/>
                <geom type="sphere" size="0.02" mass="0.1"/></body></worldbody>
              <actuator><position joint="j" kp="10"/></actuator></mujoco>""";

    /** A goal that never holds: episodes run until the benchmark stops. */
    static final Goal NEVER = new Goal() {
        public boolean test(Sim s) {
            return s.hand(2) > 10;
        }

        public void satisfy(Sim s) {}

        public void nearMiss(Sim s) {}

        public String describe() {
            return "never";
        }
    };

    @Param({"1", "8", "32"})
    public int n;

    BatchedEnv env;
    ActionChunk forward;
    ActionChunk back;
    long chunks;
    MjModel tinyModel;
    MjData tiny;
    MemorySegment tinyCtrl;
    long tinySteps;
    int substepsPerChunkPerEnv;

    @Setup
    public void setup() {
        EnvSpec spec = EnvSpec.defaults();
        Task base = TaskRegistry.get("object/blue_cube_on_plate");
        Task endless = new Task("bench/object_scene", base.instruction(), Integer.MAX_VALUE, base.bodies(), base.layout(), NEVER,
                base.expert());
        env = new BatchedEnv(spec, n, true); // b00 never renders; the context just exists
        for (int i = 0; i < n; i++) env.reset(i, endless, i);
        forward = new ActionChunk(n, spec.chunkLength());
        back = new ActionChunk(n, spec.chunkLength());
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < spec.chunkLength(); k++) {
                // the gripper sways back and forth over the table, fingers opening and closing
                forward.set(i, k, 0, 0.3f);
                forward.set(i, k, 2, -0.1f);
                forward.set(i, k, 3, 1f);
                back.set(i, k, 0, -0.3f);
                back.set(i, k, 2, 0.1f);
                back.set(i, k, 3, -1f);
            }
        }
        substepsPerChunkPerEnv = spec.chunkLength() * spec.substepsPerAction();
        tinyModel = MjModel.fromXml(TINY);
        tiny = tinyModel.makeData();
        tinyCtrl = tiny.ctrl();
    }

    @TearDown
    public void tearDown() {
        forward.close();
        back.close();
        env.close();
        tiny.close();
        tinyModel.close();
    }

    /** One chunk for all N environments: N x 8 actions x 10 substeps (divide by 80 N for a substep). */
    @Benchmark
    public int b00_physics() {
        env.step((chunks++ & 1) == 0 ? forward : back, false);
        return env.steps(0);
    }

    /** N rendered observations (divide by N for a frame). */
    @Benchmark
    public void b01_render() {
        for (int i = 0; i < n; i++) env.observe(i);
    }

    /** 10 substeps of the tiny model (divide by 10 for a substep). */
    @Benchmark
    public int b02_tiny() {
        tinyCtrl.set(ValueLayout.JAVA_DOUBLE, 0, (tinySteps++ & 1) != 0 ? 0.5 : -0.5);
        return tiny.step(10);
    }
}
