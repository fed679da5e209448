package dev.vlarl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Milestones: the expert passes every one of its task's, an idle arm none. */
class StageTrackerTest {
    static BatchedEnv env;
    static ActionChunk one;

    @BeforeAll
    static void open() {
        env = new BatchedEnv(EnvSpec.defaults(), 1, false);
        one = new ActionChunk(1, 1);
    }

    @AfterAll
    static void close() {
        one.close();
        env.close();
    }

    /** Resets environment 0 to the task's initial state for {@code seed} and starts a tracker on it. */
    static StageTracker start(Task t, long seed) {
        StageTracker tracker = new StageTracker(t, 1);
        env.reset(0, t, seed);
        tracker.begin(env, 1);
        return tracker;
    }

    @ParameterizedTest
    @ValueSource(strings = {"long/both_cubes_in_bin", "long/drawer_then_cube", "long/cube_on_plate_and_cylinder_in_bin",
            "object/yellow_cylinder_in_bin"})
    void theExpertReachesEveryMilestoneOfItsTask(String name) {
        Task t = TaskRegistry.get(name);
        long seed = Seeds.train(2);
        StageTracker tracker = start(t, seed);
        ScriptedExpert expert = t.newExpert(seed);
        float[] a = new float[EnvSpec.ACTION_DIM];
        while (env.status(0) == EpisodeStatus.RUNNING) {
            expert.act(env.sim(0), env.spec().maxStepMetres(), a, 0);
            for (int d = 0; d < a.length; d++) one.set(0, 0, d, a[d]);
            env.step(one, false);
            tracker.observe(env, 1);
        }
        tracker.end(env, 1);
        assertEquals(EpisodeStatus.SUCCESS, env.status(0), env.reason(0));
        List<StageTracker.StageCount> c = tracker.counts();
        assertTrue(c.size() >= 2, name + " has milestones before its goal: " + c);
        for (StageTracker.StageCount s : c) assertEquals(1, s.reached(), name + ": " + StageTracker.summary(c));
        assertEquals(1, c.getLast().atEnd(), "the goal holds at the end");
        assertFalse(c.getFirst().stage().isEmpty());
        // one grasp per pick, each held, the fingers closed on the object's centre
        List<StageTracker.Grasp> grasps = tracker.grasps(0);
        long picks = t.goal().stages().stream().filter(g -> g instanceof Goal.Held).count();
        assertEquals(picks, grasps.size(), name + ": " + grasps);
        for (StageTracker.Grasp g : grasps) {
            assertTrue(g.held(), g.toString());
            assertTrue(g.lateral() < 0.01, g.toString());
            // the expert goes where the object stood (objects stay put until picked)
            assertTrue(Math.hypot(g.handX() - g.startX(), g.handY() - g.startY()) < 0.015, g.toString());
        }
    }

    /** Fingers closed 3 cm beside the cylinder: a grasp of it, recorded 3 cm off, not held. */
    @Test
    void aGraspBesideTheObjectIsRecordedAsMissed() {
        Task t = TaskRegistry.get("object/yellow_cylinder_in_bin");
        StageTracker tracker = start(t, Seeds.eval(2));
        Sim s = env.sim(0);
        double tx = s.body("cyl_yellow", 0) + 0.03, ty = s.body("cyl_yellow", 1), tz = 0.12;
        for (int k = 0; k < 120 && env.status(0) == EpisodeStatus.RUNNING; k++) {
            if (k == 40) tz = 0.025;  // hover, then go down beside it
            double m = env.spec().maxStepMetres();
            float grip = k >= 80 ? 1f : -1f;
            float[] a = {(float) Math.clamp((tx - s.hand(0)) / m, -1, 1), (float) Math.clamp((ty - s.hand(1)) / m, -1, 1),
                    (float) Math.clamp((tz - s.hand(2)) / m, -1, 1), grip};
            for (int d = 0; d < a.length; d++) one.set(0, 0, d, a[d]);
            env.step(one, false);
            tracker.observe(env, 1);
        }
        tracker.end(env, 1);
        List<StageTracker.Grasp> grasps = tracker.grasps(0);
        assertEquals(1, grasps.size(), grasps.toString());
        StageTracker.Grasp g = grasps.getFirst();
        assertEquals("cyl_yellow", g.object());
        assertFalse(g.held());
        assertEquals(0.03, g.lateral(), 0.01, g.toString());
        tracker.begin();
        assertTrue(tracker.grasps(0).isEmpty(), "a new wave starts without grasps");
    }

    @Test
    void anIdleArmReachesNoMilestone() {
        StageTracker tracker = start(TaskRegistry.get("long/both_cubes_in_bin"), Seeds.eval(0));
        for (int k = 0; k < 20; k++) {
            for (int d = 0; d < EnvSpec.ACTION_DIM; d++) one.set(0, 0, d, 0f);
            env.step(one, false);
            tracker.observe(env, 1);
        }
        tracker.end(env, 1);
        for (StageTracker.StageCount s : tracker.counts()) {
            assertEquals(0, s.reached(), s.stage());
            assertEquals(1, s.episodes());
        }
        assertTrue(tracker.grasps(0).isEmpty(), "an open gripper grasps nothing");
        assertEquals(4, tracker.counts().size(), "two objects, each held then in the bin");
    }

    @Test
    void heldNeedsTheObjectBetweenClosedFingersOffTheTable() {
        Task t = TaskRegistry.get("object/yellow_cylinder_in_bin");
        env.reset(0, t, Seeds.train(1));
        Goal.Held held = new Goal.Held("cyl_yellow");
        held.satisfy(env.sim(0));
        assertTrue(held.test(env.sim(0)));
        env.reset(0, t, Seeds.train(1));
        held.nearMiss(env.sim(0));
        assertFalse(held.test(env.sim(0)));
    }
}
