package dev.vlarl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envs video --bundle}: a learned policy's rollout as a GIF and contact sheet. */
class EnvsVideoPolicyTest {
    @Test
    void writesAPolicyRollout(@TempDir Path dir) throws Exception {
        Path bundle = CliFixtures.tinyBundle(dir.resolve("bundle"));
        CliFixtures.Run r = CliFixtures.run("envs", "video", "--task", "goal/press_button", "--eval-seed", "3", "--bundle", bundle.toString(),
                "--temperature", "1.6", "--every", "8", "--out", dir.resolve("p.gif").toString());
        assertEquals(0, r.rc(), r.out());
        assertTrue(Files.size(dir.resolve("p.gif")) > 0 && Files.size(dir.resolve("p-sheet.png")) > 0);
        // an untrained policy does not press the button: the episode runs to its step limit
        assertTrue(r.out().contains("goal/press_button seed 1000000003"), r.out());
    }
}
