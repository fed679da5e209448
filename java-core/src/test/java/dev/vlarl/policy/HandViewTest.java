package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.Sim;
import dev.vlarl.env.TaskRegistry;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand view's calibration: the suite camera's projection lands on what the renderer shows there. */
class HandViewTest {
    /** Each coloured object's centre projects onto a pixel of its colour in the rendered observation. */
    @Test
    void objectsProjectOntoTheirOwnPixels() {
        HandView cam = HandView.suiteCamera();
        EnvSpec spec = EnvSpec.defaults();
        int side = spec.imageWidth();
        int checked = 0, hidden = 0;
        try (BatchedEnv env = new BatchedEnv(spec, 1, true)) {
            for (String task : List.of("object/yellow_cylinder_in_bin", "long/both_cubes_in_bin", "spatial/left_cube_to_bin")) {
                for (int k = 0; k < 3; k++) {
                    env.reset(0, TaskRegistry.get(task), Seeds.eval(k));
                    Sim s = env.sim(0);
                    MemorySegment img = env.observations().image(0);
                    for (String obj : List.of("cube_red", "cube_blue", "cube_green", "cyl_green", "cyl_yellow")) {
                        if (!s.model().bodies().contains(obj) || s.body(obj, 2) < -0.1) continue;  // not in this scene
                        double[] g = cam.project(s.body(obj, 0), s.body(obj, 1), s.body(obj, 2));
                        int col = (int) Math.floor((g[0] + 1) / 2 * side), row = (int) Math.floor((g[1] + 1) / 2 * side);
                        assertTrue(col >= 0 && col < side && row >= 0 && row < side, obj + " projects outside the image: " + col + "," + row);
                        int[] rgb = new int[3];
                        for (int c = 0; c < 3; c++) rgb[c] = Byte.toUnsignedInt(img.get(ValueLayout.JAVA_BYTE, ((long) row * side + col) * 3 + c));
                        if (isGripperGrey(rgb)) {  // the gripper stands between the camera and the object
                            hidden++;
                            continue;
                        }
                        assertTrue(hasColourOf(obj, rgb), task + " seed " + k + ": " + obj + " projects to (" + col + ", " + row
                                + ") whose colour is " + java.util.Arrays.toString(rgb));
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 20 && hidden <= checked / 4, "checked " + checked + " objects, " + hidden + " behind the gripper");
    }

    static boolean isGripperGrey(int[] p) {
        return Math.abs(p[0] - p[1]) < 15 && Math.abs(p[1] - p[2]) < 20 && p[2] >= p[0];
    }

    static boolean hasColourOf(String obj, int[] p) {
        int r = p[0], g = p[1], b = p[2];
        if (obj.endsWith("red")) return r > g + 50 && r > b + 50;
        if (obj.endsWith("green")) return g > r + 30 && g > b + 30;
        if (obj.endsWith("blue")) return b > r + 50 && b > g + 30;
        if (obj.endsWith("yellow")) return r > b + 60 && g > b + 60;
        throw new IllegalArgumentException(obj);
    }

    /** The 3x4 matrix the native model gets is the same projection. */
    @Test
    void theMatrixIsTheProjection() {
        HandView cam = HandView.suiteCamera();
        double[] m = cam.projection();
        assertEquals(12, m.length);
        double[][] points = {{0, 0, 0}, {0.1, 0.2, 0.05}, {-0.2, -0.1, 0.15}};
        for (double[] p : points) {
            double u = m[0] * p[0] + m[1] * p[1] + m[2] * p[2] + m[3];
            double v = m[4] * p[0] + m[5] * p[1] + m[6] * p[2] + m[7];
            double w = m[8] * p[0] + m[9] * p[1] + m[10] * p[2] + m[11];
            assertTrue(w > 0, "points on the table are in front of the camera");
            assertArrayEquals(cam.project(p[0], p[1], p[2]), new double[] {u / w, v / w}, 1e-12);
        }
        // The table's centre is near the image centre; farther away (+y) is higher up (smaller y).
        double[] near = cam.project(0, -0.1, 0), far = cam.project(0, 0.2, 0);
        assertTrue(far[1] < near[1]);
        assertEquals(0, near[0], 1e-12);
        assertEquals(12, cam.nativeProjection().split(" ").length);
    }

    @Test
    void badCalibrationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HandView(new double[] {0, 0}, new double[6], 45));
        assertThrows(IllegalArgumentException.class, () -> new HandView(new double[3], new double[] {1, 0, 0, 0, 1, 0}, 0));
        assertThrows(IllegalArgumentException.class, () -> new HandView(new double[3], new double[] {0, 0, 0, 0, 1, 0}, 45));
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.tiny().withHandCrop(33));
    }
}
