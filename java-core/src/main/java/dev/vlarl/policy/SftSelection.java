package dev.vlarl.policy;

import dev.vlarl.env.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SFT with checkpoint selection by validation rollouts: train a task's adapter in segments of
 * {@code every} steps; after each, run the policy greedily on {@code episodes} validation seeds
 * ({@link dev.vlarl.env.Seeds#validation}, disjoint from the demonstrations' training seeds and
 * from the held-out evaluation seeds) and keep the adapter of the best segment end (the later one
 * on a tie). The model ends up holding that adapter.
 *
 * <p>Under the task's run directory, besides {@link SftRun}'s files: {@code validation.csv}
 * (step, successes, episodes) and {@code best.adapter.vlck}. A killed run resumes: segments
 * already validated are read back from the CSV, not run again.
 */
public final class SftSelection {
    /** The training result of the last segment, the chosen step, and its validation successes out of {@code episodes}. */
    public record Result(SftRun.Result last, int bestStep, int bestSuccesses, int episodes, Map<Integer, Integer> history) {}

    static final String LOG = "validation.csv", BEST = "best.adapter.vlck";

    private SftSelection() {}

    /** @param envs parallel environments for the validation rollouts */
    public static Result run(PolicyFiles.Loaded policy, DemoSet demos, Task task, SftConfig cfg, Path runDir, int every,
            int episodes, int envs, boolean progress) {
        if (every <= 0 || episodes <= 0 || envs <= 0)
            throw new IllegalArgumentException("validation interval, episodes and environments must be positive, got " + every + ", "
                    + episodes + ", " + envs);
        try {
            Files.createDirectories(runDir);
            Path log = runDir.resolve(LOG), best = runDir.resolve(BEST);
            Map<Integer, Integer> done = read(log, episodes);
            if (!Files.exists(log)) Files.writeString(log, "step,successes,episodes\n", StandardCharsets.UTF_8);
            SftRun.Result last = null;
            for (int stop = Math.min(every, cfg.steps()); ; stop = Math.min(stop + every, cfg.steps())) {
                last = SftRun.run(policy, demos, task.name(), cfg, runDir, progress, stop);
                if (!done.containsKey(stop)) {
                    int ok;
                    try (Policy view = Policy.borrowing(policy)) {
                        ok = Evaluator.validate(view, task, episodes, envs).success().successes();
                    }
                    int before = done.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
                    if (ok >= before || !Files.exists(best)) PolicyFiles.saveAdapter(policy.model(), task.name(), best);
                    Files.writeString(log, stop + "," + ok + "," + episodes + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    done.put(stop, ok);
                    if (progress) System.err.printf("sft %s: step %d, validation %d/%d%n", task.name(), stop, ok, episodes);
                }
                if (stop >= cfg.steps()) break;
            }
            int bestStep = choose(done);
            policy.model().removeTask(task.name());
            PolicyFiles.loadAdapter(policy.model(), best);
            return new Result(last, bestStep, done.get(bestStep), episodes, done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step with the most validation successes; the latest of those tied. */
    static int choose(Map<Integer, Integer> history) {
        int bestStep = -1, bestOk = -1;
        for (Map.Entry<Integer, Integer> e : history.entrySet()) {
            if (e.getValue() > bestOk || (e.getValue() == bestOk && e.getKey() > bestStep)) {
                bestOk = e.getValue();
                bestStep = e.getKey();
            }
        }
        if (bestStep < 0) throw new IllegalStateException("no validated step");
        return bestStep;
    }

    /** Validated steps so far (in step order); a log written with another episode count is refused. */
    static Map<Integer, Integer> read(Path log, int episodes) throws IOException {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (!Files.exists(log)) return out;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != 3) throw new IllegalStateException(log + " line " + (i + 1) + ": expected step,successes,episodes, got '" + lines.get(i) + "'");
            if (Integer.parseInt(f[2]) != episodes)
                throw new IllegalStateException(log + " was written with " + f[2] + " validation episodes, this run asks for " + episodes
                        + ": use another run directory");
            out.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
        }
        return out;
    }
}
