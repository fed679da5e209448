package dev.vlarl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.demo.DemoReader;
import dev.vlarl.demo.Demonstration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnvsCommandTest {
    @Test
    void listPrintsEverySuiteAndTask() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        int rc;
        try {
            rc = Main.commandLine().execute("envs", "list");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertEquals(0, rc);
        for (String s : List.of("spatial", "object", "goal", "long", "pretrain", "goal/open_drawer", "\"open the drawer\"")) {
            assertTrue(out.contains(s), "missing " + s);
        }
    }

    @Test
    void unknownTaskIsAnErrorListingTheValidNames(@TempDir Path dir) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("demos", "--task", "goal/fly", "--episodes", "1", "--out", dir.toString());
        assertEquals(1, rc);
        assertTrue(err.toString().contains("unknown task or suite 'goal/fly'") && err.toString().contains("goal/open_drawer"), err.toString());
    }

    @Test
    void demosWritesReadableEpisodesAndAManifest(@TempDir Path dir) throws Exception {
        int rc = Main.commandLine().execute("demos", "--task", "goal/press_button", "--episodes", "2", "--image-size", "32", "--out",
                dir.toString());
        assertEquals(0, rc);
        Path task = dir.resolve("goal_press_button");
        assertTrue(Files.exists(task.resolve("manifest.json")));
        List<Demonstration> demos = DemoReader.readDirectory(task);
        assertEquals(2, demos.size());
        assertTrue(demos.stream().allMatch(d -> d.header().success() && d.header().imageHeight() == 32));
        assertTrue(demos.get(0).header().seed() != demos.get(1).header().seed());
    }
}
