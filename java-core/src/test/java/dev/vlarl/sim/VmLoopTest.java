package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The C reference loop (build/native/bin/vm_loop) and the same loop driven from Java agree bit for bit. */
@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class VmLoopTest {

    static Path vmLoop() {
        Path lib = Path.of(System.getProperty("vlarl.native.dir", "build/native/lib"));
        Path bin = lib.getParent().resolve("bin").resolve("vm_loop");
        assertTrue(Files.isExecutable(bin), "vm_loop not built at " + bin + " (./vlarl build)");
        return bin;
    }

    @Test
    void javaLoopMatchesTheCLoop(@TempDir Path dir) throws IOException, InterruptedException {
        Path xml = dir.resolve("arm.xml");
        Files.writeString(xml, Scenes.ARM);
        int steps = 300, substeps = 10;
        Process p = new ProcessBuilder(vmLoop().toString(), xml.toString(), "" + steps, "" + substeps, "32", "32", "100",
                "front", "2", "--no-shadows").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Matcher m = Pattern.compile("nenv=2 .*frames=(\\d+).* shadows=0 unstable=(\\d+) .*qpos0=(\\S+)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(6, Integer.parseInt(m.group(1)), out); // 3 frames x 2 environments
        assertEquals(0, Integer.parseInt(m.group(2)), out);
        double cQpos0 = Double.parseDouble(m.group(3));

        // the same calls from Java: ctrl[i] = ((step + i) % 2 ? 0.5 : -0.5), step(substeps)
        try (MjModel model = MjModel.fromFile(xml); MjData d = model.makeData()) {
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < model.nu(); i++) d.ctrl().setAtIndex(ValueLayout.JAVA_DOUBLE, i, ((s + i) % 2 != 0) ? 0.5 : -0.5);
                assertEquals(0, d.step(substeps));
            }
            assertEquals(Double.doubleToLongBits(cQpos0), Double.doubleToLongBits(d.qpos().getAtIndex(ValueLayout.JAVA_DOUBLE, 0)),
                    "C printed " + cQpos0);
        }
    }

    @Test
    void badUsageIsExplained() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(vmLoop().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(out.contains("usage: vm_loop"), out);
        Process q = new ProcessBuilder(vmLoop().toString(), "/nonexistent.xml").redirectErrorStream(true).start();
        String qout = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, q.waitFor());
        assertTrue(qout.contains("/nonexistent.xml"), qout);
    }
}
