package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import dev.vlarl.sim.MujocoLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MujocoLeakCheck.class)
class BatchedEnvTest {
    static final List<Task> MIX = List.of(TaskRegistry.get("spatial/left_cube_to_bin"),
            TaskRegistry.get("object/blue_cube_on_plate"), TaskRegistry.get("goal/open_drawer"));

    /** Runs the mixed batch for a few chunks of seeded random actions; returns every observation's bytes. */
    static List<byte[]> rollout(boolean render) {
        List<byte[]> out = new ArrayList<>();
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv env = new BatchedEnv(spec, 3, render); ActionChunk chunk = new ActionChunk(3, spec.chunkLength())) {
            env.reset(MIX, new long[] {11, 12, 13});
            Random r = new Random(5);
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < 3; i++)
                    for (int k = 0; k < spec.chunkLength(); k++)
                        for (int d = 0; d < 4; d++) chunk.set(i, k, d, r.nextFloat() * 2 - 1);
                env.step(chunk);
                out.add(env.observations().images().toArray(ValueLayout.JAVA_BYTE));
                out.add(env.observations().states().toArray(ValueLayout.JAVA_BYTE));
                for (int i = 0; i < 3; i++) out.add(env.sim(i).qpos.toArray(ValueLayout.JAVA_BYTE));
            }
        }
        return out;
    }

    @Test
    void sameTasksSeedsAndActionsGiveBitIdenticalStatesAndImages() {
        List<byte[]> a = rollout(true), b = rollout(true);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), "observation record " + i);
        // the images are real renders, not blank buffers
        byte[] img = a.getFirst();
        int distinct = (int) java.util.stream.IntStream.range(0, img.length).map(i -> img[i]).distinct().count();
        assertTrue(distinct > 50, "image has only " + distinct + " distinct byte values");
    }

    /**
     * Environment i of a batch sees exactly what a batch of one would see for the same task, seed
     * and actions: images, states and outcome. (A batch is an evaluation's and a rollout's unit; a
     * learned policy was trained on single-environment recordings.)
     */
    @Test
    void eachEnvironmentOfABatchMatchesTheSameEnvironmentAlone() {
        EnvSpec spec = EnvSpec.defaults();
        Task t = TaskRegistry.get("pretrain/lift_blue_cube");
        long[] seeds = {Seeds.eval(0), Seeds.eval(1), Seeds.eval(2), Seeds.eval(3)};
        int n = seeds.length, chunks = 5;
        byte[][][] batchImg = new byte[chunks + 1][n][], aloneImg = new byte[chunks + 1][n][];
        float[][][] batchState = new float[chunks + 1][n][], aloneState = new float[chunks + 1][n][];
        try (BatchedEnv env = new BatchedEnv(spec, n); ActionChunk chunk = new ActionChunk(n, spec.chunkLength())) {
            env.reset(java.util.Collections.nCopies(n, t), seeds);
            for (int c = 0; c <= chunks; c++) {
                for (int i = 0; i < n; i++) {
                    batchImg[c][i] = env.observations().image(i).toArray(ValueLayout.JAVA_BYTE);
                    batchState[c][i] = env.observations().state(i).toArray(ValueLayout.JAVA_FLOAT);
                }
                if (c == chunks) break;
                fill(chunk, n, c);
                env.step(chunk);
            }
        }
        for (int i = 0; i < n; i++) {
            try (BatchedEnv env = new BatchedEnv(spec, 1); ActionChunk one = new ActionChunk(1, spec.chunkLength());
                    ActionChunk all = new ActionChunk(n, spec.chunkLength())) {
                env.reset(0, t, seeds[i]);
                for (int c = 0; c <= chunks; c++) {
                    aloneImg[c][i] = env.observations().image(0).toArray(ValueLayout.JAVA_BYTE);
                    aloneState[c][i] = env.observations().state(0).toArray(ValueLayout.JAVA_FLOAT);
                    if (c == chunks) break;
                    fill(all, n, c);
                    for (int k = 0; k < spec.chunkLength(); k++)
                        for (int d = 0; d < 4; d++) one.set(0, k, d, all.get(i, k, d));
                    env.step(one);
                }
            }
        }
        for (int c = 0; c <= chunks; c++) {
            for (int i = 0; i < n; i++) {
                assertArrayEquals(aloneState[c][i], batchState[c][i], "state of env " + i + " after chunk " + c);
                assertArrayEquals(aloneImg[c][i], batchImg[c][i], "image of env " + i + " after chunk " + c);
            }
        }
    }

    /** Seeded actions for chunk c, a different sequence per environment row. */
    static void fill(ActionChunk chunk, int n, int c) {
        for (int i = 0; i < n; i++) {
            Random r = new Random(1000L * i + c);
            for (int k = 0; k < chunk.chunkLength(); k++)
                for (int d = 0; d < 4; d++) chunk.set(i, k, d, r.nextFloat() * 2 - 1);
        }
    }

    static byte[] firstImage(boolean randomise, long seed) {
        try (BatchedEnv env = new BatchedEnv(EnvSpec.defaults(), 1, true, randomise)) {
            env.reset(0, MIX.get(1), seed);
            return env.observations().image(0).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Test
    void domainRandomisationChangesTheImageDeterministically() {
        byte[] plain = firstImage(false, 3), a = firstImage(true, 3), b = firstImage(true, 3), c = firstImage(true, 4);
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(plain, a), "randomised image equals the plain one");
        assertArrayEquals(plain, firstImage(false, 3), "a randomised batch must not leak into a plain one");
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void imagesAreRowZeroAtTheTop() {
        // the camera looks down at the table from the front: the floor-coloured background is
        // at the top of the image, the table (warm wood colour: red > blue) at the bottom
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv env = new BatchedEnv(spec, 1)) {
            env.reset(0, TaskRegistry.get("spatial/left_cube_to_bin"), 1);
            MemorySegment img = env.observations().image(0);
            int w = spec.imageWidth(), h = spec.imageHeight();
            int bottomRed = 0, bottomBlue = 0;
            for (int x = 0; x < w; x++) {
                long o = ((long) (h - 2) * w + x) * 3;
                bottomRed += img.get(ValueLayout.JAVA_BYTE, o) & 0xff;
                bottomBlue += img.get(ValueLayout.JAVA_BYTE, o + 2) & 0xff;
            }
            assertTrue(bottomRed > bottomBlue * 1.2, "bottom row should be table (red " + bottomRed + ", blue " + bottomBlue + ")");
        }
    }

    @Test
    void anEnvironmentThatSucceedsStopsWhileTheOthersGoOn() {
        EnvSpec spec = EnvSpec.defaults();
        Task press = TaskRegistry.get("goal/press_button");
        // chunks of one action: environment 0 follows the expert, environment 1 does nothing
        try (BatchedEnv env = new BatchedEnv(spec, 2, false); ActionChunk chunk = new ActionChunk(2, 1)) {
            env.reset(List.of(press, press), new long[] {1, 1});
            ScriptedExpert expert = press.newExpert(1);
            float[] a = new float[4];
            int guard = 0;
            while (env.status(0) == EpisodeStatus.RUNNING && guard++ < 200) {
                expert.act(env.sim(0), spec.maxStepMetres(), a, 0);
                for (int d = 0; d < 4; d++) chunk.set(0, 0, d, a[d]);
                env.step(chunk, false);
            }
            assertEquals(EpisodeStatus.SUCCESS, env.status(0), env.reason(0));
            assertEquals(EpisodeStatus.RUNNING, env.status(1));
            int stepsBefore = env.steps(0);
            env.step(chunk);
            assertEquals(stepsBefore, env.steps(0), "a finished environment must not step");
            assertEquals(0, env.chunkSteps(0));
            assertEquals(1, env.chunkSteps(1));
            assertEquals(stepsBefore + 1, env.steps(1));
        }
    }

    @Test
    void aPhysicsInstabilityEndsThatEpisodeWithAReasonAndTheBatchGoesOn() {
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv env = new BatchedEnv(spec, 2, false); ActionChunk chunk = new ActionChunk(2, spec.chunkLength())) {
            env.reset(List.of(MIX.get(0), MIX.get(1)), new long[] {1, 2});
            // corrupt environment 1's velocities: MuJoCo warns (bad qvel) and resets the state
            env.sim(1).qvel.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, Double.NaN);
            env.step(chunk);
            assertEquals(EpisodeStatus.UNSTABLE, env.status(1));
            assertTrue(env.reason(1).contains("unstable"), env.reason(1));
            assertTrue(env.reason(1).contains("bad qvel") || env.reason(1).contains("NaN"), env.reason(1));
            assertEquals(EpisodeStatus.RUNNING, env.status(0));
            assertEquals(spec.chunkLength(), env.steps(0));
            env.step(chunk);
            assertEquals(2 * spec.chunkLength(), env.steps(0));
            assertNotEquals(0, env.steps(1));
        }
    }

    @Test
    void theStepLimitEndsAnEpisodeAsTimeout() {
        EnvSpec spec = EnvSpec.defaults();
        Task t = TaskRegistry.get("goal/press_button");
        try (BatchedEnv env = new BatchedEnv(spec, 1, false); ActionChunk chunk = new ActionChunk(1, spec.chunkLength())) {
            env.reset(0, t, 4);
            int chunks = 0;
            while (!env.allDone()) {
                env.step(chunk);
                chunks++;
            }
            assertEquals(EpisodeStatus.TIMEOUT, env.status(0));
            assertEquals(t.stepLimit(), env.steps(0));
            assertEquals((t.stepLimit() + spec.chunkLength() - 1) / spec.chunkLength(), chunks);
        }
    }
}
