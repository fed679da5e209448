package dev.vlarl.policy;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.StageTracker;
import dev.vlarl.env.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Success rates of a {@link Policy} on held-out initial states ({@link Seeds#eval}): for each task,
 * {@code episodes} episodes run in waves of N parallel environments, one batched forward per
 * chunk (finished environments idle until the wave ends). With {@code execute < K} the
 * environments run only the first {@code execute} actions of each predicted chunk before the
 * policy looks again (receding-horizon control: more forwards, less open-loop drift).
 */
public final class Evaluator {
    /**
     * One task's outcome under one decoding, with how many episodes reached each of the task's
     * milestones ({@link dev.vlarl.env.Goal#stages()}, checked after every chunk).
     */
    public record TaskResult(String task, String suite, String decoding, Wilson success, double meanSteps, int unstable,
            List<StageTracker.StageCount> stages, List<Episode> episodes) {
        public TaskResult {
            stages = List.copyOf(stages);
            episodes = List.copyOf(episodes);
        }
    }

    /**
     * One episode: its initial-state seed, how it ended, its length, how many milestones it
     * reached and its grasps ({@link StageTracker.Grasp}: where the fingers first closed near each
     * object it went for).
     */
    public record Episode(long seed, EpisodeStatus status, int steps, int milestones, List<StageTracker.Grasp> grasps) {
        public Episode {
            grasps = List.copyOf(grasps);
        }
    }

    /**
     * Grasps over a task's episodes: how many were held and missed, the median horizontal
     * error (m) of each kind (NaN with none), and how far the grasp point follows where the
     * object stood at the start: per axis, the least-squares slope of the grasp point on the
     * object's start position, each object's mean removed (1 = the gripper goes where the object
     * is; 0 = it goes to the same spot whatever the episode's jitter; NaN with fewer than 5 grasps).
     */
    public record GraspSummary(int held, int missed, double heldMedianLateral, double missedMedianLateral, double followX,
            double followY) {
        public static GraspSummary of(List<Episode> episodes) {
            List<Double> held = new ArrayList<>(), missed = new ArrayList<>();
            Map<String, List<StageTracker.Grasp>> byObject = new LinkedHashMap<>();
            for (Episode e : episodes)
                for (StageTracker.Grasp g : e.grasps()) {
                    (g.held() ? held : missed).add(g.lateral());
                    if (Double.isFinite(g.startX())) byObject.computeIfAbsent(g.object(), k -> new ArrayList<>()).add(g);
                }
            return new GraspSummary(held.size(), missed.size(), median(held), median(missed), follow(byObject, 0), follow(byObject, 1));
        }

        private static double follow(Map<String, List<StageTracker.Grasp>> byObject, int axis) {
            double sxy = 0, sxx = 0;
            int n = 0;
            for (List<StageTracker.Grasp> gs : byObject.values()) {
                double mo = gs.stream().mapToDouble(g -> axis == 0 ? g.startX() : g.startY()).average().orElse(0);
                double mh = gs.stream().mapToDouble(g -> axis == 0 ? g.handX() : g.handY()).average().orElse(0);
                for (StageTracker.Grasp g : gs) {
                    double o = (axis == 0 ? g.startX() : g.startY()) - mo, h = (axis == 0 ? g.handX() : g.handY()) - mh;
                    sxy += o * h;
                    sxx += o * o;
                    n++;
                }
            }
            return n < 5 || sxx == 0 ? Double.NaN : sxy / sxx;
        }

        private static double median(List<Double> v) {
            if (v.isEmpty()) return Double.NaN;
            List<Double> s = v.stream().sorted().toList();
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }
    }

    private Evaluator() {}

    /**
     * @param temperature 0 for greedy decoding, else the sampling temperature
     * @param firstSeed index of the first evaluation seed (episode j uses Seeds.eval(firstSeed + j))
     * @param onEpisode called with the number of episodes finished in each wave (progress)
     */
    public static TaskResult evaluate(Policy policy, Task task, int episodes, int envs, double temperature, long firstSeed,
            IntConsumer onEpisode) {
        return evaluate(policy, task, episodes, envs, temperature, firstSeed, policy.config().chunk(), onEpisode);
    }

    /**
     * As {@link #evaluate(Policy, Task, int, int, double, long, IntConsumer)}, executing the first
     * {@code execute} (1..K) actions of each chunk.
     */
    public static TaskResult evaluate(Policy policy, Task task, int episodes, int envs, double temperature, long firstSeed,
            int execute, IntConsumer onEpisode) {
        return run(policy, task, episodes, envs, temperature, j -> Seeds.eval(firstSeed + j), execute, onEpisode);
    }

    /**
     * Greedy success on the first {@code episodes} validation seeds ({@link Seeds#validation}):
     * for choosing among checkpoints during training without touching the held-out seeds.
     */
    public static TaskResult validate(Policy policy, Task task, int episodes, int envs) {
        return run(policy, task, episodes, envs, 0, Seeds::validation, policy.config().chunk(), null);
    }

    private static TaskResult run(Policy policy, Task task, int episodes, int envs, double temperature,
            java.util.function.LongUnaryOperator seedOf, int execute, IntConsumer onEpisode) {
        PolicyConfig c = policy.config();
        if (execute < 1 || execute > c.chunk())
            throw new IllegalArgumentException("actions executed per chunk must be in [1, " + c.chunk() + "], got " + execute);
        EnvSpec d = EnvSpec.defaults();
        EnvSpec spec = new EnvSpec(c.image(), c.image(), execute, d.substepsPerAction(), d.timestep(), d.maxStepMetres());
        int n = Math.min(envs, episodes);
        int ok = 0, unstable = 0;
        long steps = 0;
        StageTracker tracker = new StageTracker(task, n);
        List<Episode> runs = new ArrayList<>();
        try (BatchedEnv env = new BatchedEnv(spec, n); ActionChunk chunk = new ActionChunk(n, c.chunk());
                ActionChunk run = execute < c.chunk() ? new ActionChunk(n, execute) : null) {
            for (int start = 0; start < episodes; start += n) {
                int wave = Math.min(n, episodes - start);
                List<Task> tasks = new ArrayList<>();
                long[] seeds = new long[n];
                for (int i = 0; i < n; i++) {
                    tasks.add(task);
                    seeds[i] = seedOf.applyAsLong(start + Math.min(i, wave - 1));
                }
                env.reset(tasks, seeds);
                tracker.begin(env, wave);
                while (!env.allDone()) {
                    policy.actBatch(env.observations(), chunk, temperature);
                    if (run == null) {
                        env.step(chunk);
                    } else {
                        chunk.copyPrefixTo(run);
                        env.step(run);
                    }
                    tracker.observe(env, wave);
                }
                tracker.end(env, wave);
                for (int i = 0; i < wave; i++) {
                    runs.add(new Episode(seeds[i], env.status(i), env.steps(i), tracker.reached(i), tracker.grasps(i)));
                    if (env.status(i) == EpisodeStatus.SUCCESS) ok++;
                    if (env.status(i) == EpisodeStatus.UNSTABLE) unstable++;
                    steps += env.steps(i);
                }
                if (onEpisode != null) onEpisode.accept(wave);
            }
        }
        return new TaskResult(task.name(), task.suite(), temperature > 0 ? "sampled T=" + temperature : "greedy",
                Wilson.of(ok, episodes), steps / (double) episodes, unstable, tracker.counts(), runs);
    }

    /** Pooled success per suite (and "average": the mean of task rates, with the pooled interval). */
    public static Map<String, Wilson> bySuite(List<TaskResult> results) {
        Map<String, int[]> acc = new LinkedHashMap<>();
        for (TaskResult r : results) {
            int[] a = acc.computeIfAbsent(r.suite(), k -> new int[2]);
            a[0] += r.success().successes();
            a[1] += r.success().trials();
        }
        Map<String, Wilson> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : acc.entrySet()) out.put(e.getKey(), Wilson.of(e.getValue()[0], e.getValue()[1]));
        return out;
    }
}
