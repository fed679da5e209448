package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.EnvSpec;
import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The policy trains on the simulation suite's recorded demonstrations (the sim's test fixture). */
@ExtendWith(LeakCheck.class)
class VdemoSetTest {
    static final Path FIXTURE = Path.of("src/test/resources/dev/vlarl/demo/fixture");

    @Test
    void recordedDemosFeedTheTrainerWithChunkTargets() {
        VdemoSet d = VdemoSet.load(FIXTURE, List.of("spatial/left_cube_to_bin"), 1);
        assertEquals(1, d.episodes());
        assertEquals(128, d.imageSide());
        assertTrue(d.length(0) > 3);
        int k = d.actions(0, 0);
        assertTrue(k >= 1 && k <= EnvSpec.DEFAULT_CHUNK);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment img = a.allocate(128 * 128 * 3);
            d.image(0, 0, img);
            long nonZero = 0;
            for (long i = 0; i < img.byteSize(); i++) if (img.get(ValueLayout.JAVA_BYTE, i) != 0) nonZero++;
            assertTrue(nonZero > 1000, "a rendered frame, not zeros");
        }
        // One SFT step on it through the default-size model.
        PolicyConfig c = PolicyConfig.defaults();
        InstructionTokenizer w = InstructionTokenizer.build(List.of(d.instruction(0)));
        ActionTokenizer at = ActionTokenizer.fit(DemoBatcher.allActions(d), c.bins());
        try (TinyVla m = TinyVla.create(c, w.size()); TrainBatch b = new TrainBatch(2, c)) {
            m.addTask(d.task(0));
            m.setTrainable(false, d.task(0));
            new DemoBatcher(d, w, at, c.chunk(), m::slot).fillRandom(b, new SplittableRandom(1));
            try (SftTrainer t = SftTrainer.create(m, 1e-3, 0, 1)) {
                assertTrue(Double.isFinite(t.step(b).loss()));
            }
        }
    }

    @Test
    void recordingsGatheredWithSymbolicLinksAreFound(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("linked"), FIXTURE.toAbsolutePath());
        assertEquals(1, VdemoSet.load(dir, List.of("goal/press_button"), 1).episodes());
    }

    @Test
    void tooFewDemosNameTheTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VdemoSet.load(FIXTURE, List.of("goal/press_button"), 5));
        assertTrue(e.getMessage().contains("goal/press_button has 1 successful demonstrations"), e.getMessage());
    }

    @Test
    void severalDirectoriesAreReadInOrder(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")), b = Files.createDirectories(dir.resolve("b"));
        Files.createSymbolicLink(a.resolve("linked"), FIXTURE.toAbsolutePath());
        Files.createSymbolicLink(b.resolve("linked"), FIXTURE.toAbsolutePath());
        // One episode of the task in each: two only from both together.
        assertEquals(2, VdemoSet.load(List.of(a, b), List.of("goal/press_button"), 2).episodes());
        assertEquals(2, DemoSources.open(a + "," + b, List.of("goal/press_button"), 2, 128, 1).episodes());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> VdemoSet.load(List.of(a, b), List.of("goal/press_button"), 3));
        assertTrue(few.getMessage().contains("has 2 successful demonstrations under [" + a + ", " + b + "]"), few.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DemoSources.open(a + "," + dir.resolve("nope"), List.of("goal/press_button"), 2, 128, 1));
        assertTrue(missing.getMessage().contains("nope does not exist"), missing.getMessage());
    }
}
