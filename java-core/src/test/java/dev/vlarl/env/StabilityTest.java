package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The physics is stable at the chosen timestep: resting objects stay put, grasps hold. */
class StabilityTest {
    @Test
    void objectsRestOnTheTableWithoutSinkingOrDrifting() {
        Map<String, Task> scenes = new LinkedHashMap<>();
        for (Task t : TaskRegistry.all()) scenes.putIfAbsent(Scenes.key(t.bodies()), t);
        EnvSpec spec = EnvSpec.defaults();
        try (BatchedEnv env = new BatchedEnv(spec, 1, false); ActionChunk idle = new ActionChunk(1, spec.chunkLength())) {
            for (Task t : scenes.values()) {
                env.reset(0, t, Seeds.eval(0));
                for (int c = 0; c < 12; c++) env.step(idle, false); // about 2 s
                Sim s = env.sim(0);
                for (String b : t.bodies()) {
                    if (!b.startsWith("cube_") && !b.startsWith("cyl_")) continue;
                    double z = s.body(b, 2), rest = Goal.halfHeight(b);
                    assertTrue(Math.abs(z - rest) < 0.002, t.name() + ": " + b + " at z " + z + ", resting height " + rest);
                    assertTrue(s.upright(b) > 0.999, t.name() + ": " + b + " tilted");
                    assertTrue(s.speed(b) < 0.005, t.name() + ": " + b + " still moving at " + s.speed(b));
                }
            }
        }
    }

    @Test
    void aGraspHoldsWhileTheGripperSwingsAround() {
        EnvSpec spec = EnvSpec.defaults();
        for (String name : new String[] {"pretrain/lift_blue_cube", "pretrain/lift_green_cylinder"}) {
            Task t = TaskRegistry.get(name);
            try (BatchedEnv env = new BatchedEnv(spec, 1, false); ExpertRollout r = new ExpertRollout(env)) {
                ExpertRollout.Result res = r.run(t, 5, null);
                assertEquals(EpisodeStatus.SUCCESS, res.status(), res.reason());
                // again, driving the simulator directly, then full-speed moves back and forth, grip closed
                env.reset(0, t, 5);
                ScriptedExpert e = t.newExpert(5);
                float[] a = new float[4];
                Sim s = env.sim(0);
                while (!t.goal().test(s)) {
                    e.act(s, spec.maxStepMetres(), a, 0);
                    s.applyAction(a[0], a[1], a[2], a[3], spec.maxStepMetres());
                    s.step(spec.substepsPerAction());
                }
                for (int k = 0; k < 100; k++) {
                    float dir = (k / 10) % 2 == 0 ? 1f : -1f;
                    s.applyAction(dir, 0, 0, 1, spec.maxStepMetres());
                    s.step(spec.substepsPerAction());
                }
                assertTrue(t.goal().test(s), name + ": the object slipped out of the grasp");
            }
        }
    }
}
