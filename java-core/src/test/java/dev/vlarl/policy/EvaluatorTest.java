package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.torch.LeakCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Evaluation bookkeeping: which seeds ran, what each episode did, and that the counts agree. */
@ExtendWith(LeakCheck.class)
class EvaluatorTest {
    static Policy tinyPolicy(Task task) {
        DemoSet d = new SyntheticDemos(List.of(1), 2, 6, SftRunTest.C.image(), 3);
        PolicyFiles.Loaded p = SftRunTest.fresh(d);
        p.model().addTask(task.name());
        return Policy.of(p);
    }

    @Test
    void everyEpisodeIsReportedWithItsHeldOutSeedAndTheCountsAgree() {
        Task task = TaskRegistry.get("long/both_cubes_in_bin");
        try (Policy policy = tinyPolicy(task)) {
            Evaluator.TaskResult r = Evaluator.evaluate(policy, task, 5, 2, 0, 3, null);
            assertEquals(5, r.episodes().size());
            for (int j = 0; j < 5; j++) assertEquals(Seeds.eval(3 + j), r.episodes().get(j).seed(), "episode " + j + " in seed order");
            long ok = r.episodes().stream().filter(e -> e.status() == EpisodeStatus.SUCCESS).count();
            assertEquals(ok, r.success().successes());
            assertEquals(5, r.success().trials());
            double meanSteps = r.episodes().stream().mapToInt(Evaluator.Episode::steps).average().orElseThrow();
            assertEquals(meanSteps, r.meanSteps(), 1e-9);
            assertEquals(4, r.stages().size(), "two objects, each held then in the bin");
            for (Evaluator.Episode e : r.episodes()) {
                assertTrue(e.milestones() >= 0 && e.milestones() <= 4);
                assertTrue(e.status() != EpisodeStatus.RUNNING, "every episode ended");
            }
            int sumReached = r.stages().stream().mapToInt(c -> c.reached()).sum();
            assertEquals(r.episodes().stream().mapToInt(Evaluator.Episode::milestones).sum(), sumReached);
        }
    }

    @Test
    void validationRunsOnItsOwnSeedRange() {
        Task task = TaskRegistry.get("goal/press_button");
        try (Policy policy = tinyPolicy(task)) {
            Evaluator.TaskResult r = Evaluator.validate(policy, task, 3, 3);
            assertEquals(3, r.episodes().size());
            for (Evaluator.Episode e : r.episodes()) assertTrue(Seeds.isValidation(e.seed()), "seed " + e.seed());
            assertEquals("greedy", r.decoding());
        }
    }

    /** The follow slope: 1 when the grasp point goes where each object stands, 0 when it goes to one spot. */
    @Test
    void graspSummaryMeasuresWhetherTheGripperFollowsTheObject() {
        java.util.List<Evaluator.Episode> follows = new java.util.ArrayList<>(), ignores = new java.util.ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            for (String obj : java.util.List.of("cube_red", "cube_blue")) {
                double base = obj.equals("cube_red") ? 0.1 : -0.2;  // two objects at two spots: only the jitter counts
                double x = base + r.nextDouble(-0.02, 0.02), y = r.nextDouble(-0.02, 0.02);
                follows.add(new Evaluator.Episode(i, EpisodeStatus.SUCCESS, 100, 2,
                        java.util.List.of(new dev.vlarl.env.StageTracker.Grasp(obj, 0.001, 0, 0, true, x + 0.001, y, x, y))));
                ignores.add(new Evaluator.Episode(i, EpisodeStatus.TIMEOUT, 100, 0,
                        java.util.List.of(new dev.vlarl.env.StageTracker.Grasp(obj, base - x, -y, 0, false, base, 0, x, y))));
            }
        }
        Evaluator.GraspSummary f = Evaluator.GraspSummary.of(follows), g = Evaluator.GraspSummary.of(ignores);
        assertEquals(1.0, f.followX(), 1e-9);
        assertEquals(1.0, f.followY(), 1e-9);
        assertEquals(0.0, g.followX(), 1e-9);
        assertEquals(0.0, g.followY(), 1e-9);
        assertEquals(40, f.held());
        assertEquals(40, g.missed());
        assertTrue(Double.isNaN(Evaluator.GraspSummary.of(java.util.List.of()).followX()));
    }
}
