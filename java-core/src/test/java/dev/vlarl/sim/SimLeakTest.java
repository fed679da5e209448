package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import dev.vlarl.torch.ResourceTracker;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class SimLeakTest {

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS");
    }

    private record Native(long models, long datas, long gl, long renderers) {
        static Native now() {
            return new Native(Mujoco.liveNativeModels(), Mujoco.liveNativeDatas(), Mujoco.liveNativeGlContexts(),
                    Mujoco.liveNativeRenderers());
        }
    }

    /** Each round owns real native memory: a model, 4 datas (MuJoCo's stack is 1 MiB+ each). */
    private static void round(GlContext gl, boolean render, MemorySegment rgb) {
        try (MjModel m = MjModel.fromXml(Scenes.fallingBoxes(200_000))) {
            MjData[] ds = new MjData[4];
            try {
                for (int i = 0; i < ds.length; i++) {
                    ds[i] = m.makeData();
                    ds[i].step(2);
                }
                if (render) {
                    try (Renderer r = Renderer.create(gl, m, 32, 32)) {
                        r.render(ds[0], Camera.defaultFree(), rgb);
                    }
                }
            } finally {
                for (MjData d : ds) if (d != null) d.close();
            }
        }
    }

    @Test
    void manyModelsDatasAndRenderersAreAllFreed() throws IOException {
        Native before = Native.now();
        long javaBefore = ResourceTracker.live();
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create()) {
            MemorySegment rgb = arena.allocate(32 * 32 * 3);
            for (int i = 0; i < 50; i++) round(gl, i % 5 == 0, rgb); // warm up allocator and GL
            long rss0 = rssKiB();
            for (int i = 0; i < 400; i++) round(gl, i % 10 == 0, rgb);
            long grownMiB = (rssKiB() - rss0) / 1024;
            // 400 rounds x (1 model + 4 datas of ~1.6 MiB stack each) = ~2.5 GiB if leaked
            // bound well above Java heap growth and allocator noise, ten times below a leak
            assertTrue(grownMiB < 256, "resident memory grew by " + grownMiB + " MiB over 400 rounds");
        }
        assertEquals(before, Native.now(), "native MuJoCo handles left alive");
        assertEquals(javaBefore, ResourceTracker.live());
    }
}
