package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LeakCheck.class, MujocoLeakCheck.class})
class RendererTest {
    static final int W = 128, H = 96;

    private static int px(MemorySegment rgb, int row, int col, int ch) {
        return Byte.toUnsignedInt(rgb.get(ValueLayout.JAVA_BYTE, ((long) row * W + col) * 3 + ch));
    }

    private static boolean red(MemorySegment rgb, int row, int col) {
        return px(rgb, row, col, 0) > 120 && px(rgb, row, col, 1) < 60 && px(rgb, row, col, 2) < 60;
    }

    @Test
    void frameIsNotBlankRedSkyIsOnTopAndCameraMovesTheImage() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData();
                Renderer r = Renderer.create(gl, m, W, H)) {
            MemorySegment a = arena.allocate(r.rgbBytes());
            MemorySegment b = arena.allocate(r.rgbBytes());
            r.render(d, Camera.named(m, "front"), a);
            assertFalse(gl.isCurrent(), "rendering borrowed the context and gave it back (asked from EGL)");

            // not blank: spread of values and several distinct colours
            double sum = 0, sq = 0;
            Set<Integer> colours = new HashSet<>();
            for (int row = 0; row < H; row++) {
                for (int col = 0; col < W; col++) {
                    int v = px(a, row, col, 0) + px(a, row, col, 1) + px(a, row, col, 2);
                    sum += v;
                    sq += (double) v * v;
                    colours.add((px(a, row, col, 0) >> 5) << 6 | (px(a, row, col, 1) >> 5) << 3 | px(a, row, col, 2) >> 5);
                }
            }
            double n = (double) W * H, mean = sum / n, var = sq / n - mean * mean;
            assertTrue(var > 100, "pixel variance " + var);
            assertTrue(colours.size() >= 4, "distinct colours " + colours.size());

            // row 0 is the top: the red slab hangs above the arm, so its pixels are in the upper half
            int redTop = 0, redBottom = 0;
            for (int row = 0; row < H; row++) {
                for (int col = 0; col < W; col++) {
                    if (red(a, row, col)) {
                        if (row < H / 2) redTop++;
                        else redBottom++;
                    }
                }
            }
            assertTrue(redTop > 50 && redBottom == 0, "red pixels top " + redTop + ", bottom " + redBottom);

            // a moved camera sees something else; the same camera sees the same
            r.render(d, Camera.free(0, 0, 0.6, 2.5, 90, -15), b);
            r.render(d, Camera.free(0, 0, 0.6, 2.5, 30, -15), a);
            long differ = 0;
            for (long i = 0; i < r.rgbBytes(); i++) if (a.get(ValueLayout.JAVA_BYTE, i) != b.get(ValueLayout.JAVA_BYTE, i)) differ++;
            assertTrue(differ > r.rgbBytes() / 20, "bytes that differ " + differ);
            r.render(d, Camera.free(0, 0, 0.6, 2.5, 90, -15), a);
            assertEquals(-1, a.mismatch(b), "rendering is repeatable");
        }
    }

    @Test
    void depthComesOutTooAndTheStateShowsInTheImage() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData();
                Renderer r = Renderer.create(gl, m, W, H)) {
            MemorySegment a = arena.allocate(r.rgbBytes()), b = arena.allocate(r.rgbBytes());
            MemorySegment depth = arena.allocate((long) W * H * 4);
            Camera front = Camera.named(m, "front");
            r.render(d, front, a, depth);
            float min = 1, max = 0;
            for (long i = 0; i < (long) W * H; i++) {
                float z = depth.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                min = Math.min(min, z);
                max = Math.max(max, z);
            }
            assertTrue(min >= 0 && max <= 1 && max - min > 1e-3, "depth range " + min + ".." + max);
            d.qpos().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 1.2);
            d.forward();
            r.render(d, front, b);
            assertFalse(a.mismatch(b) == -1, "the moved arm changes the frame");
        }
    }

    @Test
    void flagsChangeTheImageAndDepthInMetresMatchesTheGeometry() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData();
                Renderer r = Renderer.create(gl, m, W, H)) {
            MemorySegment a = arena.allocate(r.rgbBytes()), b = arena.allocate(r.rgbBytes());
            MemorySegment depth = arena.allocate((long) W * H * 4);
            Camera front = Camera.named(m, "front");
            r.render(d, front, a);
            r.set(RenderFlag.SHADOW, false).set(RenderFlag.DEPTH_METRES, true);
            r.render(d, front, b, depth);
            assertFalse(a.mismatch(b) == -1, "shadows off changes the frame");
            // the camera looks along +y from y = -2.5; the slab's front face is at y = -0.3
            int checked = 0;
            for (int row = 0; row < H / 2; row++) {
                for (int col = W / 3; col < 2 * W / 3; col++) {
                    if (red(b, row, col)) {
                        float z = depth.getAtIndex(ValueLayout.JAVA_FLOAT, (long) row * W + col);
                        assertEquals(2.2, z, 0.05, "depth of the slab at row " + row + " col " + col);
                        checked++;
                    }
                }
            }
            assertTrue(checked > 20, "slab pixels checked " + checked);
            r.setGeomGroupVisible(0, false); // every geom here is in group 0
            r.render(d, front, b);
            for (int row = 0; row < H; row++) for (int col = 0; col < W; col++) assertFalse(red(b, row, col));
        }
    }

    @Test
    void segmentationGivesModelGeomIdsWhereTheyAppear() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData();
                Renderer r = Renderer.create(gl, m, W, H)) {
            MemorySegment ids = arena.allocate((long) W * H * 4);
            MemorySegment rgb = arena.allocate(r.rgbBytes());
            Camera front = Camera.named(m, "front");
            r.renderSegmentation(d, front, ids);
            r.render(d, front, rgb); // shading is back on afterwards
            int sky = m.id(MjObj.GEOM, "sky"), floor = m.id(MjObj.GEOM, "floor"), link = m.id(MjObj.GEOM, "link");
            int[] count = new int[m.ngeom()];
            int background = 0;
            for (int row = 0; row < H; row++) {
                for (int col = 0; col < W; col++) {
                    int id = ids.getAtIndex(ValueLayout.JAVA_INT, (long) row * W + col);
                    if (id < 0) {
                        background++;
                        continue;
                    }
                    count[id]++;
                    if (id == sky) assertTrue(row < H / 2 && px(rgb, row, col, 0) > px(rgb, row, col, 1) + 20, "sky at " + row + "," + col);
                    if (id == floor) assertTrue(row >= H / 2, "floor at row " + row);
                }
            }
            assertTrue(count[sky] > 50 && count[floor] > 50 && count[link] > 5 && background > 50,
                    java.util.Arrays.toString(count) + " background " + background);
        }
    }

    @Test
    void eglIsBoundFromJavaAndDescribesTheContext() {
        try (GlContext gl = GlContext.create()) {
            assertFalse(gl.isCurrent(), "a new context is free for any thread");
            assertFalse(gl.eglVendor().isEmpty());
            assertTrue(gl.eglVersion().startsWith("1."), gl.eglVersion());
            assertTrue(gl.describe().contains("gl="), gl.describe());
            gl.releaseCurrent();
            assertFalse(gl.isCurrent());
            gl.makeCurrent();
            assertTrue(gl.isCurrent());
        }
    }

    @Test
    void badBuffersAndCamerasAreRefused() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromXml(Scenes.ARM); MjModel other = MjModel.fromXml(Scenes.ARM);
                MjData d = m.makeData(); MjData od = other.makeData(); Renderer r = Renderer.create(gl, m, W, H)) {
            assertThrows(IllegalArgumentException.class, () -> r.render(d, Camera.defaultFree(), arena.allocate(10)));
            assertThrows(IllegalArgumentException.class,
                    () -> r.render(od, Camera.defaultFree(), arena.allocate(r.rgbBytes())));
            assertThrows(dev.vlarl.bindings.MujocoException.class,
                    () -> r.render(d, Camera.fixed(5), arena.allocate(r.rgbBytes())));
            assertThrows(IllegalArgumentException.class, () -> Camera.named(m, "back"));
            r.render(d, Camera.defaultFree(), arena.allocate(r.rgbBytes())); // still fine afterwards
        }
    }

    @Test
    void oneContextPerThreadRendersInParallelAndContextsCanMoveBetweenThreads() throws Exception {
        try (Arena arena = Arena.ofShared(); MjModel m = MjModel.fromXml(Scenes.ARM); MjData d = m.makeData()) {
            Camera cam = Camera.free(0, 0, 0.8, 2.5, 60, -20);
            MemorySegment ref = arena.allocate((long) W * H * 3);
            try (GlContext gl = GlContext.create(); Renderer r = Renderer.create(gl, m, W, H)) {
                r.render(d, cam, ref);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Long>> jobs = new java.util.ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    jobs.add(pool.submit(() -> {
                        try (GlContext gl = GlContext.create(); MjData own = m.makeData();
                                Renderer r = Renderer.create(gl, m, W, H)) {
                            MemorySegment img = arena.allocate((long) W * H * 3);
                            for (int i = 0; i < 5; i++) r.render(own, cam, img);
                            return img.mismatch(ref);
                        }
                    }));
                }
                for (var f : jobs) assertEquals(-1L, f.get(), "each thread's frame equals the reference");

                // one context, used from two threads in turn: each render borrows it
                try (GlContext gl = GlContext.create(); Renderer r = Renderer.create(gl, m, W, H)) {
                    MemorySegment img = arena.allocate((long) W * H * 3);
                    r.render(d, cam, img);
                    pool.submit(() -> r.render(d, cam, img)).get();
                    assertEquals(-1L, img.mismatch(ref));
                    // kept current here (makeCurrent), it cannot draw elsewhere until released
                    gl.makeCurrent();
                    r.render(d, cam, img);
                    assertTrue(gl.isCurrent(), "a context made current stays current");
                    var busy = pool.submit(() -> {
                        r.render(d, cam, img);
                        return null;
                    });
                    var e = assertThrows(java.util.concurrent.ExecutionException.class, busy::get);
                    assertTrue(e.getCause() instanceof dev.vlarl.bindings.MujocoException
                            && e.getCause().getMessage().contains("another thread"), String.valueOf(e.getCause()));
                    gl.releaseCurrent();
                    pool.submit(() -> r.render(d, cam, img)).get();
                    assertEquals(-1L, img.mismatch(ref));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aClosedModelIsRefusedNotRead() {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create()) {
            MjModel m = MjModel.fromXml(Scenes.ARM);
            MjData d = m.makeData();
            Renderer r = Renderer.create(gl, m, W, H);
            m.close();
            assertThrows(IllegalStateException.class, () -> r.render(d, Camera.defaultFree(), arena.allocate(r.rgbBytes())));
            assertThrows(IllegalStateException.class, () -> d.step(1));
            r.close();
            d.close();
        }
    }

    @Test
    void closingTheContextClosesItsRenderers() {
        GlContext gl = GlContext.create();
        try (MjModel m = MjModel.fromXml(Scenes.ARM)) {
            Renderer r1 = Renderer.create(gl, m, 32, 32);
            Renderer r2 = Renderer.create(gl, m, 64, 48);
            gl.close();
            assertTrue(r1.isClosed() && r2.isClosed());
        }
    }
}
