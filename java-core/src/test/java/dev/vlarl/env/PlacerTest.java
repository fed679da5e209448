package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.sim.MujocoLeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** LIBERO-style initial states: a fixed arrangement per scene, jittered per episode, never overlapping. */
@ExtendWith(MujocoLeakCheck.class)
class PlacerTest {
    static final int SEEDS = 24;
    /** Settling after placement moves a resting object by a few millimetres at most. */
    static final double SETTLE = 0.006;

    static Stream<String> tasks() {
        return TaskRegistry.all().stream().map(Task::name);
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void everyEpisodeJittersTheScenesArrangementWithoutOverlaps(String name) {
        Task task = TaskRegistry.get(name);
        List<String> objects = task.bodies().stream().filter(b -> b.startsWith("cube") || b.startsWith("cyl")).sorted().toList();
        List<String> placed = task.bodies().stream().filter(b -> !b.equals("cabinet") && !b.equals("button_base")).sorted().toList();
        List<double[][]> episodes = new ArrayList<>();
        try (BatchedEnv env = new BatchedEnv(EnvSpec.defaults(), 1, false)) {
            for (int s = 0; s < SEEDS; s++) {
                env.reset(0, task, Seeds.train(s));
                double[][] xy = new double[placed.size()][];
                for (int b = 0; b < placed.size(); b++) xy[b] = new double[] {env.sim(0).body(placed.get(b), 0), env.sim(0).body(placed.get(b), 1)};
                episodes.add(xy);
                for (int i = 0; i < objects.size(); i++) {
                    for (int j = i + 1; j < objects.size(); j++) {
                        double dx = env.sim(0).body(objects.get(i), 0) - env.sim(0).body(objects.get(j), 0);
                        double dy = env.sim(0).body(objects.get(i), 1) - env.sim(0).body(objects.get(j), 1);
                        assertTrue(Math.hypot(dx, dy) > 0.05, name + " seed " + s + ": " + objects.get(i) + " and " + objects.get(j)
                                + " are " + Math.hypot(dx, dy) + " m apart");
                    }
                }
            }
        }
        double widest = 0;
        for (int b = 0; b < placed.size(); b++) {
            for (int axis = 0; axis < 2; axis++) {
                double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
                for (double[][] e : episodes) {
                    lo = Math.min(lo, e[b][axis]);
                    hi = Math.max(hi, e[b][axis]);
                }
                assertTrue(hi - lo <= 2 * Placer.JITTER + SETTLE, name + ": " + placed.get(b) + " spreads " + (hi - lo)
                        + " m along axis " + axis + " over " + SEEDS + " episodes; the arrangement is fixed");
                widest = Math.max(widest, hi - lo);
            }
        }
        assertTrue(widest > Placer.JITTER, name + ": episodes barely differ (widest spread " + widest + " m)");
    }

    /** A wider jitter keeps the arrangement and the draws: each episode's offset from the nominal spot doubles. */
    @org.junit.jupiter.api.Test
    void aWiderJitterScalesEachEpisodesOffsetsAroundTheSameArrangement() {
        java.util.Set<String> bodies = java.util.Set.of("cube_red", "cube_blue", "bin");
        double[] nominal = null;
        double widest = 0;
        for (long seed = 0; seed < 8; seed++) {
            Placer one = new Placer(Placer.arrangementOf(bodies), new java.util.SplittableRandom(seed));
            Placer two = new Placer(Placer.arrangementOf(bodies), new java.util.SplittableRandom(seed), 2);
            double[] p1 = one.spot(-0.3, 0.3, -0.2, 0.2, 0.03), p2 = two.spot(-0.3, 0.3, -0.2, 0.2, 0.03);
            double[] q1 = one.sample(-0.3, 0.3, -0.2, 0.2, 0.03), q2 = two.sample(-0.3, 0.3, -0.2, 0.2, 0.03);
            // p1 = n + j, p2 = n + 2 j: the nominal spots n = 2 p1 - p2 are the scene's, the same every episode
            double[] n = {2 * p1[0] - p2[0], 2 * p1[1] - p2[1], 2 * q1[0] - q2[0], 2 * q1[1] - q2[1]};
            if (nominal == null) nominal = n;
            for (int i = 0; i < 4; i++) assertTrue(Math.abs(n[i] - nominal[i]) < 1e-9, "seed " + seed + ": the arrangement moved");
            widest = Math.max(widest, Math.max(Math.abs(p2[0] - n[0]), Math.abs(q2[1] - n[3])));
            assertTrue(Math.abs(p2[0] - n[0]) <= 2 * Placer.JITTER + 1e-12);
        }
        assertTrue(widest > Placer.JITTER, "scale 2 reaches past the benchmark's jitter: " + widest);
        try (BatchedEnv env = new BatchedEnv(EnvSpec.defaults(), 1, false)) {
            Task t = TaskRegistry.get("object/yellow_cylinder_in_bin");
            env.reset(0, t, Seeds.train(3));
            double x1 = env.sim(0).body("cyl_yellow", 0);
            env.setJitterScale(2);
            env.reset(0, t, Seeds.train(3));
            env.setJitterScale(1);
            env.reset(0, t, Seeds.train(3));
            assertTrue(Math.abs(env.sim(0).body("cyl_yellow", 0) - x1) < 1e-9, "scale 1 is the benchmark's initial state again");
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> env.setJitterScale(0.5));
        }
    }
}
