package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.MujocoException;
import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class MjBatchTest {

    @Test
    void batchStepsLikeOneByOneAndReportsFlagsPerData() {
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjModel boxes = MjModel.fromXml(Scenes.fallingBoxes(20000));
                MjData a = m.makeData(); MjData b = m.makeData(); MjData c = boxes.makeData();
                MjData ref = m.makeData(); MjBatch batch = MjBatch.of(List.of(a, b, c))) {
            for (int s = 0; s < 100; s++) {
                a.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 0.3);
                b.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 0.3);
                ref.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 0.3);
                batch.step(10);
                ref.step(10);
            }
            assertEquals(-1, a.qpos().mismatch(ref.qpos()));
            assertEquals(-1, b.qpos().mismatch(ref.qpos()));
            assertEquals(100 * 10 * boxes.timestep(), c.time(), 1e-9);
            b.qvel().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, Double.NaN);
            batch.step(5);
            assertEquals(0, batch.flags(0));
            assertTrue((batch.flags(1) & StepFlags.BAD_QVEL) != 0, StepFlags.describe(batch.flags(1)));
            assertEquals(0, batch.flags(2));
            assertThrows(IllegalArgumentException.class, () -> MjBatch.of(List.of(a, a)));
        }
    }

    @Test
    void errorInsideABatchNamesTheIndex() {
        try (MjModel ok = MjModel.fromXml(Scenes.ARM); MjModel tiny = MjModel.fromXml(Scenes.fallingBoxes(300));
                MjData a = ok.makeData(); MjData b = tiny.makeData(); MjBatch batch = MjBatch.of(List.of(a, b))) {
            MujocoException e = assertThrows(MujocoException.class, () -> batch.step(1000));
            assertTrue(e.getMessage().contains("pair 1") && e.getMessage().contains("Stack overflow"), e.getMessage());
            b.reset();
            assertEquals(0, a.step(1));
        }
    }

    /** Distinct datas step on distinct threads while models compile and errors unwind elsewhere. */
    @Test
    void concurrentSteppingLoadingAndErrorsStayCorrect() throws Exception {
        double[] expected = new double[1];
        try (MjModel m = MjModel.fromXml(Scenes.ARM); MjData ref = m.makeData()) {
            drive(ref);
            expected[0] = ref.qpos().getAtIndex(ValueLayout.JAVA_DOUBLE, 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MjModel shared = MjModel.fromXml(Scenes.ARM)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                jobs.add(pool.submit(() -> {
                    for (int rep = 0; rep < 5; rep++) {
                        try (MjData d = shared.makeData()) {
                            drive(d);
                            assertEquals(expected[0], d.qpos().getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
                        }
                    }
                    return null;
                }));
            }
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    try (MjModel m = MjModel.fromXml(Scenes.ARM)) {
                        assertEquals(1, m.nu());
                    }
                    assertThrows(MujocoException.class, () -> MjModel.fromXml("<mujoco><bad/></mujoco>"));
                }
                return null;
            }));
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String msg = "thread error " + i;
                    MujocoException e = assertThrows(MujocoException.class, () -> Mujoco.forceError(msg));
                    assertEquals(msg, e.getMessage(), "messages are kept per thread");
                }
                return null;
            }));
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void drive(MjData d) {
        for (int s = 0; s < 200; s++) {
            d.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, Math.cos(0.03 * s));
            assertEquals(0, d.step(10));
        }
    }
}
