package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.ObservationBatch;
import dev.vlarl.torch.LeakCheck;
import java.lang.management.ManagementFactory;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheck.class)
class PolicyTest {
    static final PolicyConfig C = PolicyConfig.tiny();
    static final EnvSpec SPEC = new EnvSpec(32, 32, 8, 10, 0.002, 0.02);
    static final String A = SyntheticDemos.taskName(0), B = SyntheticDemos.taskName(1);

    @TempDir static Path shared;
    static Path bundle;

    static synchronized Path trainedBundle(Path ignored) {
        if (bundle == null) bundle = train(shared);
        return bundle;
    }

    static Path train(Path dir) {
        DemoSet d = new SyntheticDemos(List.of(0, 1), 3, 6, C.image(), 3);
        try (PolicyFiles.Loaded p = SftRunTest.fresh(d)) {
            SftConfig r = new SftConfig(30, 16, 3e-3, 0.0, 1.0, 2, 1, 100);
            SftRun.run(p, new SyntheticDemos(List.of(0), 3, 6, C.image(), 3), A, r, dir.resolve("a"), false, Integer.MAX_VALUE);
            SftRun.run(p, new SyntheticDemos(List.of(1), 3, 6, C.image(), 3), B, r, dir.resolve("b"), false, Integer.MAX_VALUE);
            Policy.save(p, dir.resolve("bundle"));
        }
        return dir.resolve("bundle");
    }

    static void fill(ObservationBatch obs, DemoSet d, int row, int e, int t) {
        d.image(e, t, obs.image(row));
        d.state(e, t, obs.state(row));
        obs.setEpisode(row, d.task(e), d.instruction(e));
    }

    @Test
    void bundleActsLikeTheTrainedModelAndBatchMatchesSingle(@TempDir Path dir) {
        Path bundle = trainedBundle(dir);
        DemoSet d = new SyntheticDemos(List.of(0, 1), 3, 6, C.image(), 3);
        try (Policy p = Policy.load(bundle); ObservationBatch obs = new ObservationBatch(SPEC, 4); ActionChunk out = new ActionChunk(4, 8)) {
            assertEquals(java.util.Set.of(A, B), java.util.Set.copyOf(p.tasks()));
            fill(obs, d, 0, 0, 1);
            fill(obs, d, 1, 3, 2);
            fill(obs, d, 2, 1, 0);
            fill(obs, d, 3, 4, 4);
            p.actBatch(obs, out, 0);
            for (int r = 0; r < 4; r++) {
                ActionChunk one = p.act(obs, r);
                for (int s = 0; s < 8; s++)
                    for (int dd = 0; dd < 4; dd++) assertEquals(out.get(r, s, dd), one.get(0, s, dd), 1e-6f, "row " + r);
            }
            // Greedy is deterministic; sampling at a high temperature varies and is reproducible by seed.
            float g = p.act(obs, 0).get(0, 0, 0);
            assertEquals(g, p.act(obs, 0).get(0, 0, 0));
            p.seed(7);
            float[] s1 = sample(p, obs);
            p.seed(7);
            float[] s2 = sample(p, obs);
            assertEquals(java.util.Arrays.toString(s1), java.util.Arrays.toString(s2));
            p.seed(8);
            assertNotEquals(java.util.Arrays.toString(s1), java.util.Arrays.toString(sample(p, obs)));
        }
    }

    /**
     * Every row of a batch reaches the model with its own instruction, whole (a byte offset taken
     * for an element offset once packed each row's tokens over the previous row's, so every row
     * but the last acted on a garbled instruction in batched evaluation).
     */
    @Test
    void batchedActHandsEachRowItsOwnInstruction(@TempDir Path dir) {
        Path bundle = trainedBundle(dir);
        DemoSet d = new SyntheticDemos(List.of(0, 1), 3, 6, C.image(), 3);
        try (Policy p = Policy.load(bundle); ObservationBatch obs = new ObservationBatch(SPEC, 3); ActionChunk out = new ActionChunk(3, 8)) {
            fill(obs, d, 0, 0, 1);
            fill(obs, d, 1, 3, 2);
            fill(obs, d, 2, 1, 0);
            obs.setEpisode(1, B, "put the small red cube into the bin on the left please now");
            p.actBatch(obs, out, 0);
            InstructionTokenizer words = InstructionTokenizer.build(SyntheticDemos.allInstructions());
            for (int r = 0; r < 3; r++) {
                int[] want = words.encode(obs.instruction(r), C.maxInstruction());
                assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(p.lastBatchInstruction(r)), "row " + r);
                assertTrue(want[4] != 0, "the instruction of row " + r + " is longer than 4 tokens");
            }
        }
    }

    static float[] sample(Policy p, ObservationBatch obs) {
        float[] out = new float[32];
        ActionChunk c = p.act(obs, 0, 5.0);
        for (int i = 0; i < 32; i++) out[i] = c.get(0, i / 4, i % 4);
        return out;
    }

    @Test
    void actAllocatesNothingAfterWarmUp(@TempDir Path dir) {
        Path bundle = trainedBundle(dir);
        DemoSet d = new SyntheticDemos(List.of(0), 3, 6, C.image(), 3);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Policy p = Policy.load(bundle); ObservationBatch obs = new ObservationBatch(SPEC, 1)) {
            fill(obs, d, 0, 0, 0);
            for (int i = 0; i < 200; i++) p.act(obs, 0);  // warm-up (and JIT)
            long id = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) p.act(obs, 0);
            long bytes = mx.getThreadAllocatedBytes(id) - before;
            assertTrue(bytes < 2048, "200 act calls allocated " + bytes + " bytes on the Java heap");
        }
    }

    @Test
    void badObservationsGiveClearErrors(@TempDir Path dir) {
        Path bundle = trainedBundle(dir);
        DemoSet d = new SyntheticDemos(List.of(0), 3, 6, C.image(), 3);
        try (Policy p = Policy.load(bundle); ObservationBatch obs = new ObservationBatch(SPEC, 2);
                ObservationBatch big = new ObservationBatch(EnvSpec.defaults(), 1)) {
            big.setEpisode(0, A, "x");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.act(big, 0));
            assertTrue(e.getMessage().contains("images are 128x128; this policy takes 32x32"), e.getMessage());
            fill(obs, d, 0, 0, 0);
            obs.setEpisode(1, "libero/unknown", "do it");
            e = assertThrows(IllegalArgumentException.class, () -> p.act(obs, 1));
            assertTrue(e.getMessage().contains("unknown task 'libero/unknown'") && e.getMessage().contains(A), e.getMessage());
            obs.state(0).setAtIndex(ValueLayout.JAVA_FLOAT, 2, Float.NaN);
            e = assertThrows(IllegalArgumentException.class, () -> p.act(obs, 0));
            assertTrue(e.getMessage().contains("row 0: state[2] is NaN"), e.getMessage());
            // Unknown words are fine.
            obs.state(0).setAtIndex(ValueLayout.JAVA_FLOAT, 2, 0.1f);
            obs.setEpisode(0, A, "zebra quantum ⚙ reach");
            p.act(obs, 0);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Policy.load(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("cannot read checkpoint"), e.getMessage());
    }

    @Test
    void anEnvironmentMayExecuteAPrefixOfEachChunkButNeverMore(@TempDir Path dir) {
        Path bundle = trainedBundle(dir);
        DemoSet d = new SyntheticDemos(List.of(0), 3, 6, C.image(), 3);
        EnvSpec prefix = new EnvSpec(32, 32, 3, 10, 0.002, 0.02), longer = new EnvSpec(32, 32, 9, 10, 0.002, 0.02);
        try (Policy p = Policy.load(bundle); ObservationBatch full = new ObservationBatch(SPEC, 1);
                ObservationBatch part = new ObservationBatch(prefix, 1); ObservationBatch over = new ObservationBatch(longer, 1);
                ActionChunk chunk = new ActionChunk(1, 8); ActionChunk run = new ActionChunk(1, 3)) {
            fill(full, d, 0, 0, 1);
            fill(part, d, 0, 0, 1);
            fill(over, d, 0, 0, 1);
            p.actBatch(full, chunk, 0.0);
            float[] whole = new float[8 * 4];
            for (int k = 0; k < 8; k++) for (int j = 0; j < 4; j++) whole[k * 4 + j] = chunk.get(0, k, j);
            p.actBatch(part, chunk, 0.0);  // same observation, greedy: the same chunk
            chunk.copyPrefixTo(run);
            for (int k = 0; k < 3; k++) for (int j = 0; j < 4; j++) assertEquals(whole[k * 4 + j], run.get(0, k, j));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.actBatch(over, chunk, 0.0));
            assertTrue(e.getMessage().contains("chunk length is 9; this policy decodes only 8"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.copyPrefixTo(chunk));
            assertTrue(e.getMessage().contains("prefix of 8 actions from a chunk of 3"), e.getMessage());
        }
    }

    @Test
    void checkpointErrorsNameTheProblem(@TempDir Path dir) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Policy.load(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("cannot read checkpoint"), e.getMessage());
    }
}
