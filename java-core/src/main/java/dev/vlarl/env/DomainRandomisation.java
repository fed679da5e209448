package dev.vlarl.env;

import dev.vlarl.sim.MjModel;
import dev.vlarl.sim.MjObj;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Optional domain randomisation (a switch of {@link BatchedEnv}): per episode, drawn from
 * its seed, object colours (their materials, +-0.08 per channel), light brightness (x 0.7..1.3), camera
 * position (+-1.5 cm per axis) and object friction (x 0.8..1.2). Models are shared, so each
 * environment writes its own values into the model right before it is stepped or rendered
 * (one thread steps and renders, so they never mix); with the switch off the models are
 * never touched.
 */
final class DomainRandomisation {
    /** One environment's draw. */
    static final class Draw {
        final double[] colour = new double[3 * 16];
        double light = 1;
        final double[] camera = new double[3];
        double friction = 1;

        void sample(SplittableRandom r) {
            for (int i = 0; i < colour.length; i++) colour[i] = r.nextDouble(-0.08, 0.08);
            light = r.nextDouble(0.7, 1.3);
            for (int i = 0; i < 3; i++) camera[i] = r.nextDouble(-0.015, 0.015);
            friction = r.nextDouble(0.8, 1.2);
        }
    }

    /** Defaults of one model, to perturb from. */
    static final class Defaults {
        final int[] objectGeoms;
        /** Materials of the objects (their colour lives there: geom rgba would override it). */
        final int[] materials;
        final float[] rgba;
        final double[] friction;
        final double[] camPos;
        final float[] lightDiffuse;
        final MemorySegment matRgba, geomFriction, camPosSeg, lightSeg;
        final int camera;

        Defaults(SceneModel scene) {
            MjModel m = scene.model();
            List<Integer> geoms = new ArrayList<>();
            MemorySegment geomBody = m.array("geom_bodyid").segment();
            for (int g = 0; g < m.ngeom(); g++) {
                int b = geomBody.getAtIndex(ValueLayout.JAVA_INT, g);
                String body = m.name(MjObj.BODY, b);
                if (body != null && (body.startsWith("cube_") || body.startsWith("cyl_"))) geoms.add(g);
            }
            objectGeoms = geoms.stream().mapToInt(Integer::intValue).toArray();
            MemorySegment geomMat = m.array("geom_matid").segment();
            materials = geoms.stream().mapToInt(g -> geomMat.getAtIndex(ValueLayout.JAVA_INT, g)).filter(x -> x >= 0).distinct()
                    .sorted().toArray();
            matRgba = m.array("mat_rgba").segment();
            geomFriction = m.array("geom_friction").segment();
            camPosSeg = m.array("cam_pos").segment();
            lightSeg = m.array("light_diffuse").segment();
            rgba = new float[materials.length * 4];
            for (int i = 0; i < materials.length; i++) {
                for (int c = 0; c < 4; c++) rgba[4 * i + c] = matRgba.getAtIndex(ValueLayout.JAVA_FLOAT, 4L * materials[i] + c);
            }
            friction = new double[objectGeoms.length];
            for (int i = 0; i < objectGeoms.length; i++) {
                friction[i] = geomFriction.getAtIndex(ValueLayout.JAVA_DOUBLE, 3L * objectGeoms[i]);
            }
            camera = scene.camera().id();
            camPos = new double[3];
            for (int i = 0; i < 3; i++) camPos[i] = camPosSeg.getAtIndex(ValueLayout.JAVA_DOUBLE, 3L * camera + i);
            lightDiffuse = lightSeg.toArray(ValueLayout.JAVA_FLOAT);
        }

        /** Physics parameters of this draw (before stepping). */
        void applyPhysics(Draw d) {
            for (int i = 0; i < objectGeoms.length; i++) {
                geomFriction.setAtIndex(ValueLayout.JAVA_DOUBLE, 3L * objectGeoms[i], friction[i] * d.friction);
            }
        }

        /** Appearance of this draw (before rendering). */
        void applyVisual(Draw d) {
            for (int i = 0; i < materials.length; i++) {
                for (int c = 0; c < 3; c++) {
                    float v = (float) (rgba[4 * i + c] + d.colour[(3 * i + c) % d.colour.length]);
                    matRgba.setAtIndex(ValueLayout.JAVA_FLOAT, 4L * materials[i] + c, Math.max(0f, Math.min(1f, v)));
                }
            }
            for (int i = 0; i < 3; i++) camPosSeg.setAtIndex(ValueLayout.JAVA_DOUBLE, 3L * camera + i, camPos[i] + d.camera[i]);
            for (int i = 0; i < lightDiffuse.length; i++) {
                lightSeg.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.min(1.0, lightDiffuse[i] * d.light));
            }
        }
    }
}
