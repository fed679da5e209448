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
}
