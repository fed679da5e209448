package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steady-state stepping and observing allocate nothing on the Java heap (this thread's allocation counter). */
class AllocationTest {
    @Test
    void steppingAndRenderingAllocateNothingPerChunk() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        EnvSpec spec = EnvSpec.defaults();
        Task base = TaskRegistry.get("spatial/left_cube_to_bin");
        Task endless = new Task("test/endless", base.instruction(), Integer.MAX_VALUE, base.bodies(), base.layout(), new NeverGoal(),
                base.expert());
        try (BatchedEnv env = new BatchedEnv(spec, 2, true); ActionChunk a = new ActionChunk(2, spec.chunkLength());
                ActionChunk b = new ActionChunk(2, spec.chunkLength())) {
            env.reset(List.of(endless, endless), new long[] {1, 2});
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < spec.chunkLength(); k++) {
                    a.set(i, k, 0, 0.3f);
                    a.set(i, k, 3, 1f);
                    b.set(i, k, 0, -0.3f);
                    b.set(i, k, 3, -1f);
                }
            }
            for (int c = 0; c < 100; c++) env.step((c & 1) == 0 ? a : b);
            long before = mx.getThreadAllocatedBytes(thread);
            int chunks = 60;
            for (int c = 0; c < chunks; c++) env.step((c & 1) == 0 ? a : b);
            long bytes = mx.getThreadAllocatedBytes(thread) - before;
            System.out.println("AllocationTest: " + bytes + " bytes over " + chunks + " chunks");
            assertTrue(bytes < 16L * chunks, "allocated " + bytes + " bytes over " + chunks + " chunks (2 environments, rendered)");
        }
    }

    /** Reads the state each action, never holds. */
    record NeverGoal() implements Goal {
        public boolean test(Sim s) {
            return s.body("cube_red", 2) > 10;
        }

        public void satisfy(Sim s) {}

        public void nearMiss(Sim s) {}

        public String describe() {
            return "never";
        }
    }
}
