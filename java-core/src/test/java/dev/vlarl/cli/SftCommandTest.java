package dev.vlarl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sft} over several tasks: the bundle holds every adapter finished so far, also when a later task fails. */
class SftCommandTest {
    @Test
    void theBundleIsWrittenAfterEveryTask(@TempDir Path dir) {
        Path base = CliFixtures.tinyBundle(dir.resolve("base"));
        Path run = dir.resolve("run");
        // the second task is not one the synthetic demonstrations know: the run stops there, after the first adapter
        CliFixtures.Run r = CliFixtures.run("sft", "--base", base.toString(), "--tasks", "synthetic/reach_red,synthetic/reach_nothing",
                "--demos-dir", "synthetic", "--demos", "2", "--steps", "3", "--run", run.toString());
        assertNotEquals(0, r.rc(), r.out());
        Path bundle = run.resolve("bundle");
        assertTrue(Files.isRegularFile(bundle.resolve(Policy.BASE_FILE)), "the bundle of the finished task is on disk");
        try (Policy p = Policy.load(bundle)) {
            assertEquals(List.of("synthetic/reach_red"), p.tasks());
        }
    }
}
