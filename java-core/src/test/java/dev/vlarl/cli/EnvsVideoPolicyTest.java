package dev.vlarl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.policy.ActionTokenizer;
import dev.vlarl.policy.DemoBatcher;
import dev.vlarl.policy.DemoSources;
import dev.vlarl.policy.InstructionTokenizer;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.PolicyConfig;
import dev.vlarl.policy.PolicyFiles;
import dev.vlarl.policy.SyntheticDemos;
import dev.vlarl.policy.TinyVla;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envs video --bundle}: a learned policy's rollout as a GIF and contact sheet. */
class EnvsVideoPolicyTest {
    @Test
    void writesAPolicyRollout(@TempDir Path dir) throws Exception {
        PolicyConfig c = PolicyConfig.tiny();
        InstructionTokenizer words = InstructionTokenizer.build(DemoSources.instructions("synthetic"));
        ActionTokenizer actions = ActionTokenizer.fit(DemoBatcher.allActions(new SyntheticDemos(List.of(0), 2, 4, c.image(), 1)), c.bins());
        try (PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(c, words.size()), words, actions)) {
            Policy.save(p, dir.resolve("bundle"));
        }
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        int rc;
        try {
            rc = Main.commandLine().execute("envs", "video", "--task", "goal/press_button", "--eval-seed", "3", "--bundle",
                    dir.resolve("bundle").toString(), "--temperature", "1.6", "--every", "8", "--out", dir.resolve("p.gif").toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc, buf.toString());
        assertTrue(Files.size(dir.resolve("p.gif")) > 0 && Files.size(dir.resolve("p-sheet.png")) > 0);
        // an untrained policy does not press the button: the episode runs to its step limit
        assertTrue(buf.toString().contains("goal/press_button seed 1000000003"), buf.toString());
    }
}
