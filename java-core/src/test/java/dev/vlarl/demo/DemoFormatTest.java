package dev.vlarl.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFormatTest {
    static final int H = 16, W = 12, S = 8, K = 4;

    static DemoHeader header(String outcome) {
        return new DemoHeader("goal/open_drawer", "open the drawer", 42, outcome, "test", 0, 0, H, W, K, S, 4, 10, 0.002, 0.02,
                "test");
    }

    /** Writes 3 chunks (4 + 4 + 2 actions) of random data; returns the images for comparison. */
    static byte[][] writeSample(Path file) throws Exception {
        Random r = new Random(7);
        byte[][] images = new byte[3][H * W * 3];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(S * 4L);
            MemorySegment image = arena.allocate(H * W * 3L);
            DemoWriter w = new DemoWriter(H, W, S);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < S; i++) state.setAtIndex(ValueLayout.JAVA_FLOAT, i, c * 10 + i);
                r.nextBytes(images[c]);
                MemorySegment.copy(images[c], 0, image, ValueLayout.JAVA_BYTE, 0, images[c].length);
                int n = c == 2 ? 2 : K;
                float[] a = new float[4 * n];
                for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
                w.addChunk(state, image, a, n);
            }
            w.write(file, header("SUCCESS"));
        }
        return images;
    }

    @Test
    void roundTripKeepsEveryByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.vdemo");
        byte[][] images = writeSample(f);
        Demonstration d = DemoReader.read(f);
        assertEquals("goal/open_drawer", d.header().task());
        assertEquals(3, d.header().chunks());
        assertEquals(10, d.header().steps());
        assertEquals(10, d.steps());
        assertTrue(d.header().success());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(images[c], d.chunks().get(c).image(), "image " + c);
            assertEquals(c * 10 + 7, d.chunks().get(c).state()[7]);
        }
        assertEquals(2, d.chunks().get(2).actionCount());
        assertEquals(40, d.allActions().length);
    }

    @Test
    void truncatedFileIsRejectedClearly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.vdemo");
        writeSample(f);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        DemoFormatException e = assertThrows(DemoFormatException.class, () -> DemoReader.read(f));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void flippedByteFailsTheChecksum(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.vdemo");
        writeSample(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        DemoFormatException e = assertThrows(DemoFormatException.class, () -> DemoReader.read(f));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void otherFilesAreNotDemonstrations(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.vdemo");
        Files.writeString(f, "this is not a demonstration file at all");
        DemoFormatException e = assertThrows(DemoFormatException.class, () -> DemoReader.read(f));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void actionsOutsideTheRangeAreRefused() {
        try (Arena arena = Arena.ofConfined()) {
            DemoWriter w = new DemoWriter(H, W, S);
            assertThrows(IllegalArgumentException.class,
                    () -> w.addChunk(arena.allocate(S * 4L), arena.allocate(H * W * 3L), new float[] {0, 0, 1.5f, 0}, 1));
        }
    }
}
