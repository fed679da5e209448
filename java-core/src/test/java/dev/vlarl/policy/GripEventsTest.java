package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.demo.DemoReader;
import dev.vlarl.demo.Demonstration;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The auxiliary targets: where the next grasp or release happens, relative to the gripper. */
@ExtendWith(LeakCheck.class)
class GripEventsTest {
    /**
     * Two observations of 3 actions each, 1 cm per unit action; the gripper starts open at
     * (0.10, 0.20, 0.30) m and closes at the second action of observation 1.
     */
    static final class Handmade implements DemoSet {
        final float[][] states = {{0.10f, 0.20f, 0.30f, 0, 0, 0, 0.04f, -1}, {0.12f, 0.19f, 0.30f, 0, 0, 0, 0.04f, -1}};
        final float[][][] actions = {
            {{1, 0, 0, -1}, {1, -0.5f, 0, -1}, {0.5f, 0, 0, -1}},
            {{0.5f, 0.5f, -1, -1}, {0, 0, 0, 1}, {0, 0, 1, 1}},
        };

        public int episodes() {
            return 1;
        }

        public String task(int e) {
            return "handmade";
        }

        public String instruction(int e) {
            return "pick";
        }

        public int length(int e) {
            return 2;
        }

        public void image(int e, int t, MemorySegment dst) {}

        public void state(int e, int t, MemorySegment dst) {
            for (int k = 0; k < EnvSpec.STATE_DIM; k++) dst.setAtIndex(ValueLayout.JAVA_FLOAT, k, states[t][k]);
        }

        public int actions(int e, int t) {
            return 3;
        }

        public float action(int e, int t, int k, int d) {
            return actions[t][k][d];
        }

        public double maxStepMetres(int e) {
            return 0.01;
        }

        public int imageSide() {
            return 32;
        }
    }

    @Test
    void theEventIsTheRecordedPositionPlusTheCommandedStepsBeforeTheGripChanges() {
        GripEvents g = new GripEvents(new Handmade(), MemorySegment.ofArray(new float[EnvSpec.STATE_DIM]));
        float[] out = new float[3];
        // observation 1 at (12, 19, 30) cm, one action (0.5, 0.5, -1) cm before the grip closes: (12.5, 19.5, 29)
        assertTrue(g.next(0, 1, out));
        assertArrayEquals(new float[] {0.5f, 0.5f, -1f}, out, 1e-4f);
        // from observation 0 at (10, 20, 30) cm: the same point
        assertTrue(g.next(0, 0, out));
        assertArrayEquals(new float[] {2.5f, -0.5f, -1f}, out, 1e-4f);
    }

    @Test
    void noEventAfterTheLastGripChange() {
        Handmade d = new Handmade();
        d.states[1][7] = 1;  // already closed at observation 1, and it stays closed
        d.actions[1][0][3] = 1;
        float[] out = {7, 7, 7};
        assertFalse(new GripEvents(d, MemorySegment.ofArray(new float[EnvSpec.STATE_DIM])).next(0, 1, out));
        assertArrayEquals(new float[] {7, 7, 7}, out, "untouched");
    }

    @Test
    void aRecordedPickClosesWhereItsObjectStood() throws Exception {
        Demonstration demo = DemoReader.read(VdemoSetTest.FIXTURE.resolve("spatial_left_cube_to_bin-000000.vdemo"));
        DemoSet d = new VdemoSet(List.of(demo));
        MemorySegment st = MemorySegment.ofArray(new float[EnvSpec.STATE_DIM]);
        float[] out = new float[3];
        assertTrue(new GripEvents(d, MemorySegment.ofArray(new float[EnvSpec.STATE_DIM])).next(0, 0, out), "a pick closes the grip");
        d.state(0, 0, st);
        double gx = st.getAtIndex(ValueLayout.JAVA_FLOAT, 0) + out[0] / 100.0, gy = st.getAtIndex(ValueLayout.JAVA_FLOAT, 1) + out[1] / 100.0;
        try (BatchedEnv env = new BatchedEnv(EnvSpec.defaults(), 1, false)) {
            env.reset(0, TaskRegistry.get(demo.header().task()), demo.header().seed());
            double cx = env.sim(0).body("cube_red", 0), cy = env.sim(0).body("cube_red", 1);
            assertEquals(cx, gx, 0.01, "grasp x (m) vs the cube's start");
            assertEquals(cy, gy, 0.01, "grasp y (m) vs the cube's start");
        }
    }
}
