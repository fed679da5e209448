package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.torch.LeakCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint selection by validation rollouts: what it keeps, what it logs, how it resumes. */
@ExtendWith(LeakCheck.class)
class SftSelectionTest {
    static final SftConfig RECIPE = SftRunTest.RECIPE;  // 12 steps
    static final Task TASK = TaskRegistry.get("goal/press_button");

    @Test
    void theMostSuccessfulStepIsChosenAndTheLaterOneOnATie() {
        Map<Integer, Integer> h = new LinkedHashMap<>();
        h.put(300, 4);
        h.put(600, 9);
        h.put(900, 7);
        assertEquals(600, SftSelection.choose(h));
        h.put(1200, 9);
        assertEquals(1200, SftSelection.choose(h));
        assertThrows(IllegalStateException.class, () -> SftSelection.choose(Map.of()));
    }

    @Test
    void everySegmentIsValidatedOnceAndTheModelEndsWithTheKeptAdapter(@TempDir Path dir) throws Exception {
        DemoSet d = new SyntheticDemos(List.of(1), 3, 10, SftRunTest.C.image(), 3);
        float[] kept;
        SftSelection.Result r;
        try (PolicyFiles.Loaded p = SftRunTest.fresh(d)) {
            r = SftSelection.run(p, d, TASK, RECIPE, dir, 5, 2, 2, false);
            assertEquals(List.of(5, 10, 12), List.copyOf(r.history().keySet()), "segments end at 5, 10 and the last step");
            assertEquals(SftSelection.choose(r.history()), r.bestStep());
            assertEquals(12, r.last().steps());
            kept = SftRunTest.probe(p, d, TASK.name());
        }
        List<String> csv = Files.readAllLines(dir.resolve(SftSelection.LOG));
        assertEquals(4, csv.size(), "header and one row per segment: " + csv);
        try (PolicyFiles.Loaded p = SftRunTest.fresh(d)) {
            PolicyFiles.loadAdapter(p.model(), dir.resolve(SftSelection.BEST));
            assertArrayEquals(kept, SftRunTest.probe(p, d, TASK.name()), "the model holds best.adapter.vlck");
        }
        // run again (as after a kill at the end): nothing is trained or validated twice
        try (PolicyFiles.Loaded p = SftRunTest.fresh(d)) {
            SftSelection.Result again = SftSelection.run(p, d, TASK, RECIPE, dir, 5, 2, 2, false);
            assertEquals(r.history(), again.history());
            assertArrayEquals(kept, SftRunTest.probe(p, d, TASK.name()));
        }
        assertEquals(4, Files.readAllLines(dir.resolve(SftSelection.LOG)).size());
        try (PolicyFiles.Loaded p = SftRunTest.fresh(d)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SftSelection.run(p, d, TASK, RECIPE, dir, 5, 3, 2, false));
            assertTrue(e.getMessage().contains("2 validation episodes"), e.getMessage());
        }
    }
}
