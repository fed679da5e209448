package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheck.class)
class SftRunTest {
    static final PolicyConfig C = PolicyConfig.tiny();
    static final SftConfig RECIPE = new SftConfig(12, 8, 3e-3, 0.01, 1.0, 2, 5, 4);
    static final String TASK = SyntheticDemos.taskName(1);

    static PolicyFiles.Loaded fresh(DemoSet d) {
        InstructionTokenizer w = InstructionTokenizer.build(SyntheticDemos.allInstructions());
        return new PolicyFiles.Loaded(TinyVla.create(C, w.size()), w, ActionTokenizer.fit(DemoBatcher.allActions(d), C.bins()));
    }

    static float[] probe(PolicyFiles.Loaded p, DemoSet d, String task) {
        try (TrainBatch b = new TrainBatch(4, C)) {
            new DemoBatcher(d, p.words(), p.actions(), C.chunk(), t -> task == null ? -1 : p.model().slot(task))
                    .fillRandom(b, new SplittableRandom(42));
            return TinyVlaTest.logits(p.model(), b);
        }
    }

    @Test
    void killedRunResumesToTheSameWeights(@TempDir Path dir) {
        DemoSet d = new SyntheticDemos(List.of(1), 3, 10, C.image(), 3);
        for (String task : new String[] {null, TASK}) {
            String name = task == null ? "base" : "adapter";
            float[] straight;
            try (PolicyFiles.Loaded p = fresh(d)) {
                SftRun.Result r = SftRun.run(p, d, task, RECIPE, dir.resolve(name + "-straight"), false, Integer.MAX_VALUE);
                assertEquals(12, r.steps());
                assertFalse(r.resumed());
                straight = probe(p, d, task);
            }
            try (PolicyFiles.Loaded p = fresh(d)) {
                SftRun.run(p, d, task, RECIPE, dir.resolve(name + "-killed"), false, 6);  // "killed" after step 6
            }
            try (PolicyFiles.Loaded p = fresh(d)) {
                SftRun.Result r = SftRun.run(p, d, task, RECIPE, dir.resolve(name + "-killed"), false, Integer.MAX_VALUE);
                assertTrue(r.resumed());
                assertArrayEquals(straight, probe(p, d, task), name + ": resumed run differs from the uninterrupted one");
            }
            assertTrue(Files.exists(dir.resolve(name + "-killed/loss.png")));
            try {
                List<String> csv = Files.readAllLines(dir.resolve(name + "-killed/metrics.csv"));
                assertEquals(13, csv.size(), "header + one row per step, no duplicates after resume");
                assertEquals(12, Files.readAllLines(dir.resolve(name + "-killed/metrics.jsonl")).size());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void stateFromAnotherRecipeIsRefused(@TempDir Path dir) {
        DemoSet d = new SyntheticDemos(List.of(1), 2, 6, C.image(), 3);
        try (PolicyFiles.Loaded p = fresh(d)) {
            SftRun.run(p, d, TASK, RECIPE, dir, false, 4);
        }
        try (PolicyFiles.Loaded p = fresh(d)) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> SftRun.run(p, d, TASK, RECIPE.withSteps(99), dir, false, Integer.MAX_VALUE));
            assertTrue(e.getMessage().contains("recipe"), e.getMessage());
        }
    }

    @Test
    void checkpointFilesDetectCorruptionVersionAndForeignFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.vlck");
        Checkpoints.write(f, Map.of("a", new byte[] {1, 2, 3}, "meta.json", "{}".getBytes()));
        assertArrayEquals(new byte[] {1, 2, 3}, Checkpoints.read(f).get("a"));
        assertEquals(List.of(f.getFileName().toString()), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "no temp file left behind");
        byte[] bytes = Files.readAllBytes(f);
        bytes[20] ^= 1;
        Files.write(f, bytes);
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.read(f)).getMessage().contains("corrupt"));
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.read(f)).getMessage().contains("corrupt or truncated"));
        bytes[20] ^= 1;
        bytes[11] = 7;  // version 7
        Files.write(f, bytes);
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.read(f)).getMessage().contains("format version 7"));
        Files.writeString(f, "hello, this is not a checkpoint at all....................");
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.read(f)).getMessage().contains("not a vlarl checkpoint"));
        assertThrows(CheckpointException.class, () -> Checkpoints.read(dir.resolve("missing.vlck")));
    }

    @Test
    void baseAndAdapterFilesRoundTripAndMismatchesAreNamed(@TempDir Path dir) {
        DemoSet d = new SyntheticDemos(List.of(1), 2, 6, C.image(), 3);
        float[] want;
        try (PolicyFiles.Loaded p = fresh(d)) {
            SftRun.run(p, d, TASK, RECIPE.withSteps(3), dir.resolve("run"), false, Integer.MAX_VALUE);
            PolicyFiles.saveBase(p.model(), p.words(), p.actions(), dir.resolve("p" + PolicyFiles.BASE_SUFFIX));
            PolicyFiles.saveAdapter(p.model(), TASK, dir.resolve("a" + PolicyFiles.ADAPTER_SUFFIX));
            want = probe(p, d, TASK);
        }
        try (PolicyFiles.Loaded p = PolicyFiles.loadBase(dir.resolve("p" + PolicyFiles.BASE_SUFFIX))) {
            assertEquals(TASK, PolicyFiles.loadAdapter(p.model(), dir.resolve("a" + PolicyFiles.ADAPTER_SUFFIX)));
            assertArrayEquals(want, probe(p, d, TASK));
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> PolicyFiles.loadAdapter(p.model(), dir.resolve("a" + PolicyFiles.ADAPTER_SUFFIX)));
            assertTrue(e.getMessage().contains("already has task"), e.getMessage());
            e = assertThrows(CheckpointException.class, () -> PolicyFiles.loadAdapter(p.model(), dir.resolve("p" + PolicyFiles.BASE_SUFFIX)));
            assertTrue(e.getMessage().contains("is a base checkpoint, not a adapter"), e.getMessage());
        }
        PolicyConfig other = new PolicyConfig(32, 8, 8, 2, 8, 32, 2, 2, 64, 8, 8, 256, 2, 8.0, true, 0);
        try (TinyVla m = TinyVla.create(other, 40)) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> PolicyFiles.loadAdapter(m, dir.resolve("a" + PolicyFiles.ADAPTER_SUFFIX)));
            assertTrue(e.getMessage().contains("was trained for a base with"), e.getMessage());
        }
    }

    /** A pretrained base takes adapters of another rank: same base outputs, twice the adapter, same update scale. */
    @Test
    void aBaseLoadsWithAdaptersOfAnotherRank(@TempDir Path dir) {
        DemoSet d = new SyntheticDemos(List.of(1), 2, 6, C.image(), 3);
        float[] base;
        long rank4;
        Path file = dir.resolve("p" + PolicyFiles.BASE_SUFFIX);
        try (PolicyFiles.Loaded p = fresh(d)) {
            PolicyFiles.saveBase(p.model(), p.words(), p.actions(), file);
            base = probe(p, d, null);
            p.model().addTask(TASK);
            rank4 = p.model().adapterParameterCount(TASK);
        }
        try (PolicyFiles.Loaded p = PolicyFiles.loadBase(file, c -> c.withLoraRank(2 * C.loraRank()))) {
            assertEquals(2 * C.loraRank(), p.model().config().loraRank());
            assertEquals(C.loraAlpha() / C.loraRank(), p.model().config().loraAlpha() / p.model().config().loraRank(), 1e-12);
            assertArrayEquals(base, probe(p, d, null));
            p.model().addTask(TASK);
            assertEquals(2 * rank4, p.model().adapterParameterCount(TASK));
            SftRun.run(p, d, TASK, RECIPE.withSteps(2), dir.resolve("run"), false, Integer.MAX_VALUE);
        }
    }
}
