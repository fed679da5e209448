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

    @ParameterizedTest
    @ValueSource(strings = {"long/both_cubes_in_bin", "long/drawer_then_cube", "long/cube_on_plate_and_cylinder_in_bin",
            "object/yellow_cylinder_in_bin"})
    void theExpertReachesEveryMilestoneOfItsTask(String name) {
        Task t = TaskRegistry.get(name);
        StageTracker tracker = new StageTracker(t, 1);
        long seed = Seeds.train(2);
        env.reset(0, t, seed);
        tracker.begin();
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
    }

    @Test
    void anIdleArmReachesNoMilestone() {
        Task t = TaskRegistry.get("long/both_cubes_in_bin");
        StageTracker tracker = new StageTracker(t, 1);
        env.reset(0, t, Seeds.eval(0));
        tracker.begin();
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
