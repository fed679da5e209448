package dev.vlarl.bench;

import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.sim.MjBatch;
import dev.vlarl.sim.MjData;
import dev.vlarl.sim.MjModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the safe Java stepping API cost over the bare downcall? One control step
 * ({@link #substeps} mj_step calls in one vm_step) of a small hinged arm, through
 *
 * <ul>
 *   <li>b00: the raw binding with unscoped pointers (what a C caller pays, plus FFM);</li>
 *   <li>b01: {@link MjData#step} (closed-checks and arena-scoped segments, flags read back);</li>
 *   <li>b02: {@link MjBatch#step} over 8 datas, per data.</li>
 * </ul>
 * The plain-C loop over the same calls is {@code build/native/bin/vm_loop} (same model:
 * {@link #ARM}); compare its {@code step_us} with these.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class MujocoStepBenchmark {
    /** A hinged arm with one motor and two sensors (the test suite's scene). */
    public static final String ARM = """
            <mujoco model="arm">
              <compiler autolimits="true"/>
              <option timestep="0.002"/>
              <worldbody>
                <geom name="floor" type="plane" size="2 2 0.1"/>
                <body name="arm" pos="0 0 0.5">
                  <joint name="hinge" type="hinge" axis="0 1 0" damping="0.1"/>
                  <geom name="link" type="capsule" fromto="0 0 0 0.4 0 0" size="0.05"/>
                  <site name="tip" pos="0.4 0 0"/>
                </body>
              </worldbody>
              <actuator><motor name="motor" joint="hinge" gear="1" ctrlrange="-1 1"/></actuator>
              <sensor><jointpos joint="hinge"/><framepos objtype="site" objname="tip"/></sensor>
            </mujoco>
            """;

    static final int BATCH = 8;

    @Param({"1", "10"})
    public int substeps;

    MjModel model;
    MjData data;
    List<MjData> batchDatas;
    MjBatch batch;
    Arena arena;
    MemorySegment rawModel, rawData, rawFlags;
    long step;

    @Setup(Level.Trial)
    public void setup() {
        model = MjModel.fromXml(ARM);
        data = model.makeData();
        batchDatas = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) batchDatas.add(model.makeData());
        batch = MjBatch.of(batchDatas);
        arena = Arena.ofConfined();
        rawModel = MemorySegment.ofAddress(model.handle().address());
        rawData = MemorySegment.ofAddress(data.handle().address());
        rawFlags = arena.allocate(ValueLayout.JAVA_INT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
        for (MjData d : batchDatas) d.close();
        data.close();
        model.close();
        arena.close();
    }

    /** An alternating control, so the arm keeps moving (same pattern as vm_loop). */
    private double ctrl() {
        return (step++ & 1) != 0 ? 0.5 : -0.5;
    }

    @Benchmark
    public int b00_raw_vm_step() {
        data.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, ctrl());
        VlarlMujoco.vm_step(rawModel, rawData, substeps, rawFlags);
        return rawFlags.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int b01_mjdata_step() {
        data.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, ctrl());
        return data.step(substeps);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int b02_mjbatch_step_per_data() {
        double c = ctrl();
        for (int i = 0; i < BATCH; i++) batchDatas.get(i).ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, c);
        batch.step(substeps);
        return batch.flags(BATCH - 1);
    }
}
