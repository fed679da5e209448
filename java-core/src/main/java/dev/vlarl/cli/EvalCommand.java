package dev.vlarl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.StageTracker;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.policy.Evaluator;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.Wilson;
import dev.vlarl.torch.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Success per task and suite on held-out seeds, greedy and sampled, with 95% Wilson intervals. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a policy bundle: success per task and suite on held-out seeds (95%% Wilson intervals).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "policy bundle directory (e.g. runs/sft-k1/bundle)")
    Path checkpoint;

    @Option(names = "--tasks", defaultValue = "benchmark", description = "tasks, suites or 'benchmark' (default ${DEFAULT-VALUE})")
    String tasks;

    @Option(names = "--episodes", defaultValue = "50", description = "episodes per task and decoding (default ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--decoding", split = ",", defaultValue = "greedy,sampled", description = "greedy and/or sampled (default ${DEFAULT-VALUE})")
    List<String> decoding;

    @Option(names = "--temperature", defaultValue = "1.6", description = "sampling temperature (default ${DEFAULT-VALUE}, the rollout temperature)")
    double temperature;

    @Option(names = "--envs", defaultValue = "10", description = "parallel environments (default ${DEFAULT-VALUE})")
    int envs;

    @Option(names = "--first-seed", defaultValue = "0", description = "index of the first held-out evaluation seed (default ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--execute", description = "actions executed from each predicted chunk before the policy looks again, 1..K (default: K, the whole chunk)")
    Integer execute;

    @Option(names = "--base-fallback", description = "tasks without an adapter run through the base alone")
    boolean baseFallback;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch intra-op threads (default ${DEFAULT-VALUE}: on a shared 2-core machine a second, spinning OpenMP thread costs more than it gives)")
    int threads;

    @Option(names = "--json", description = "results JSON (default <checkpoint>/../eval.json)")
    Path json;

    @Override
    public Integer call() throws Exception {
        Torch.setNumThreads(threads);
        List<Task> selected = TaskRegistry.select(tasks);
        List<Evaluator.TaskResult> results = new ArrayList<>();
        int executed;
        try (Policy policy = Policy.load(checkpoint);
                ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax((long) selected.size() * episodes * decoding.size())
                        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" ep", 1).setUpdateIntervalMillis(1000).build()) {
            policy.setBaseFallback(baseFallback);
            executed = execute != null ? execute : policy.config().chunk();
            policy.seed(firstSeed + 12345);
            for (Task t : selected) {
                for (String mode : decoding) {
                    double temp = switch (mode) {
                        case "greedy" -> 0.0;
                        case "sampled" -> temperature;
                        default -> throw new IllegalArgumentException("unknown decoding '" + mode + "' (valid: greedy, sampled)");
                    };
                    bar.setExtraMessage(" " + t.name() + " " + mode);
                    results.add(Evaluator.evaluate(policy, t, episodes, envs, temp, firstSeed,
                            executed, bar::stepBy));
                }
            }
        }
        ObjectMapper om = new ObjectMapper();
        ObjectNode out = om.createObjectNode();
        out.put("checkpoint", checkpoint.toString());
        out.put("episodes_per_task", episodes);
        out.put("first_eval_seed_index", firstSeed);
        out.put("temperature", temperature);
        out.put("actions_executed_per_chunk", executed);
        ArrayNode rows = out.putArray("tasks");
        System.out.printf("%-44s %-16s %-32s %s%n", "task", "decoding", "success [95% Wilson]", "mean steps");
        for (Evaluator.TaskResult r : results) {
            System.out.printf("%-44s %-16s %-32s %.0f%n", r.task(), r.decoding(), r.success(), r.meanSteps());
            if (r.stages().size() > 1) System.out.println("    stages reached: " + StageTracker.summary(r.stages()));
            Evaluator.GraspSummary grasp = Evaluator.GraspSummary.of(r.episodes());
            if (grasp.held() + grasp.missed() > 0)
                System.out.printf("    grasps: %d held (median %.1f cm off the object's centre), %d missed (median %.1f cm); the grasp point "
                        + "follows the object's start position x %.2f, y %.2f (1 = where it is, 0 = the same spot every episode)%n", grasp.held(),
                        100 * grasp.heldMedianLateral(), grasp.missed(), 100 * grasp.missedMedianLateral(), grasp.followX(), grasp.followY());
            List<Long> failed = r.episodes().stream().filter(e -> e.status() != EpisodeStatus.SUCCESS).map(e -> e.seed() - Seeds.EVAL_START).limit(8).toList();
            if (!failed.isEmpty()) System.out.println("    failed --eval-seed " + failed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))
                    + (failed.size() < r.episodes().size() - r.success().successes() ? " ..." : "") + " (watch: ./vlarl envs video --bundle " + checkpoint
                    + " --task " + r.task() + " --eval-seed N --out runs/fail.gif)");
            ObjectNode n = rows.addObject();
            n.put("task", r.task());
            n.put("suite", r.suite());
            n.put("decoding", r.decoding());
            putWilson(n, r.success());
            n.put("mean_steps", r.meanSteps());
            n.put("unstable", r.unstable());
            ArrayNode eps = n.putArray("per_episode");
            for (Evaluator.Episode e : r.episodes()) {
                ObjectNode en = eps.addObject();
                en.put("eval_seed", e.seed() - Seeds.EVAL_START);
                en.put("status", e.status().name());
                en.put("steps", e.steps());
                en.put("milestones", e.milestones());
                ArrayNode gs = en.putArray("grasps");
                for (StageTracker.Grasp g : e.grasps()) {
                    ObjectNode gn = gs.addObject();
                    gn.put("object", g.object());
                    gn.put("dx_cm", Math.round(g.dx() * 1000) / 10.0);
                    gn.put("dy_cm", Math.round(g.dy() * 1000) / 10.0);
                    gn.put("dz_cm", Math.round(g.dz() * 1000) / 10.0);
                    gn.put("held", g.held());
                    if (Double.isFinite(g.startX())) {
                        gn.put("object_start_x_cm", Math.round(g.startX() * 1000) / 10.0);
                        gn.put("object_start_y_cm", Math.round(g.startY() * 1000) / 10.0);
                    }
                }
            }
            ObjectNode gsum = n.putObject("grasps");
            gsum.put("held", grasp.held());
            gsum.put("missed", grasp.missed());
            putRounded(gsum, "held_median_lateral_cm", 100 * grasp.heldMedianLateral(), 1);
            putRounded(gsum, "missed_median_lateral_cm", 100 * grasp.missedMedianLateral(), 1);
            putRounded(gsum, "follows_start_x", grasp.followX(), 2);
            putRounded(gsum, "follows_start_y", grasp.followY(), 2);
            ArrayNode st = n.putArray("stages");
            for (StageTracker.StageCount c : r.stages()) {
                ObjectNode sn = st.addObject();
                sn.put("stage", c.stage());
                sn.put("reached", c.reached());
                sn.put("at_end", c.atEnd());
                sn.put("episodes", c.episodes());
            }
        }
        ObjectNode suites = out.putObject("suites");
        for (String mode : decoding) {
            List<Evaluator.TaskResult> m = results.stream().filter(r -> r.decoding().startsWith(mode.equals("greedy") ? "greedy" : "sampled")).toList();
            ObjectNode s = suites.putObject(mode);
            for (Map.Entry<String, Wilson> e : Evaluator.bySuite(m).entrySet()) {
                putWilson(s.putObject(e.getKey()), e.getValue());
                System.out.printf("suite %-38s %-16s %s%n", e.getKey(), mode, e.getValue());
            }
            int succ = m.stream().mapToInt(r -> r.success().successes()).sum(), n = m.stream().mapToInt(r -> r.success().trials()).sum();
            double meanOfTasks = m.stream().mapToDouble(r -> r.success().rate()).average().orElse(Double.NaN);
            ObjectNode avg = s.putObject("average");
            putWilson(avg, Wilson.of(succ, n));
            avg.put("mean_of_task_rates", meanOfTasks);
            System.out.printf("%-44s %-16s %s (mean of task rates %.1f%%)%n", "average", mode, Wilson.of(succ, n), 100 * meanOfTasks);
        }
        Path file = json != null ? json : checkpoint.toAbsolutePath().getParent().resolve("eval.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        om.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        System.out.println("results: " + file);
        return 0;
    }

    /** {@code v} rounded to {@code decimals} places, or null where it is not finite (nothing to measure). */
    static void putRounded(ObjectNode n, String key, double v, int decimals) {
        double scale = Math.pow(10, decimals);
        if (Double.isFinite(v)) n.put(key, Math.round(v * scale) / scale);
        else n.putNull(key);
    }

    static void putWilson(ObjectNode n, Wilson w) {
        n.put("successes", w.successes());
        n.put("episodes", w.trials());
        n.put("rate", w.rate());
        n.put("wilson95_low", w.low());
        n.put("wilson95_high", w.high());
    }
}
