package dev.vlarl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Supervised training on demonstrations: cross-entropy on action tokens, AdamW, a fixed
 * number of steps. With {@code task == null} it pretrains the base (every row base only);
 * otherwise the base is frozen and only {@code task}'s adapter trains.
 *
 * <p>Under the run directory: {@code state.vlck} (atomic checkpoint: step, trained weights,
 * optimiser moments; the sampling RNG is a pure function of (seed, step)), {@code metrics.jsonl},
 * {@code metrics.csv} and {@code loss.png}. A run directory that holds a state resumes from it;
 * a state written with another config or task is refused with the difference named.
 */
public final class SftRun {
    /** Final loss (mean of the last 20 steps), token accuracy, steps done, wall seconds of this call. */
    public record Result(double loss, double accuracy, int steps, double seconds, boolean resumed) {}

    static final List<String> COLUMNS = List.of("losses/ce", "charts/token_acc", "charts/grad_norm", "charts/lr", "charts/samples_per_s");
    /** With an auxiliary loss: its value (before the weight) as one more column. */
    static final List<String> COLUMNS_AUX = java.util.stream.Stream.concat(COLUMNS.stream(), java.util.stream.Stream.of("losses/aux")).toList();

    private SftRun() {}

    /**
     * @param stopAfter stop (as if killed) after this step count even if the recipe asks for more; {@code
     *     Integer.MAX_VALUE} for none. For resume tests.
     */
    public static Result run(PolicyFiles.Loaded policy, DemoSet demos, String task, SftConfig cfg, Path runDir,
            boolean progress, int stopAfter) {
        return run(policy, demos, task, cfg, runDir, progress, stopAfter, step -> {});
    }

    /**
     * As {@link #run(PolicyFiles.Loaded, DemoSet, String, SftConfig, Path, boolean, int)}, calling
     * {@code onCheckpoint} with the step count after each checkpoint is written (e.g. to refresh a
     * bundle that an evaluation can read while training goes on).
     */
    public static Result run(PolicyFiles.Loaded policy, DemoSet demos, String task, SftConfig cfg, Path runDir,
            boolean progress, int stopAfter, java.util.function.IntConsumer onCheckpoint) {
        TinyVla m = policy.model();
        boolean base = task == null;
        boolean aux = cfg.auxWeight() > 0;
        if (aux && !base) throw new IllegalArgumentException("an auxiliary loss trains the base: adapters (task " + task + ") train without it");
        if (aux && m.config().aux() == 0)
            throw new IllegalArgumentException("auxWeight " + cfg.auxWeight() + " needs a base with an auxiliary head (PolicyConfig.aux; "
                    + "a base created without one cannot grow it: pretrain a new base with --aux-weight)");
        if (!base && !m.hasTask(task)) m.addTask(task);
        m.setTrainable(base, task);
        DemoBatcher batcher = new DemoBatcher(demos, policy.words(), policy.actions(), m.config().chunk(),
                t -> base ? -1 : m.slot(task));
        Path state = runDir.resolve("state.vlck");
        ObjectNode meta = PolicyFiles.JSON.createObjectNode();
        meta.put("kind", "sft-state");
        meta.put("task", base ? "" : task);
        meta.set("recipe", PolicyFiles.JSON.valueToTree(cfg));
        meta.set("model", PolicyFiles.JSON.valueToTree(m.config()));
        meta.put("samples", batcher.samples());
        try (SftTrainer trainer = SftTrainer.create(m, cfg.lr(), cfg.weightDecay(), cfg.clip(), cfg.labelSigma());
                TrainBatch batch = new TrainBatch(cfg.batchSize(), m.config())) {
            int start = 0;
            if (Files.exists(state)) start = restore(state, meta, m, task, trainer);
            boolean resumed = start > 0;
            double lossSum = 0, accSum = 0;
            int tail = 0;
            long t0 = System.nanoTime();
            int end = (int) Math.min(cfg.steps(), (long) stopAfter);
            try (MetricsLog log = new MetricsLog(runDir, aux ? COLUMNS_AUX : COLUMNS, start);
                    ProgressBar bar = progress ? bar(base ? "pretrain" : "sft " + task, cfg.steps(), start) : null) {
                long last = System.nanoTime();
                for (int s = start; s < end; s++) {
                    batcher.fillRandom(batch, new SplittableRandom(cfg.seed() * 0x9E3779B97F4A7C15L + s), cfg.shift(), cfg.stateNoise());
                    double lr = cfg.lrAt(s);
                    trainer.setLearningRate(lr);
                    SftTrainer.StepResult r = aux ? trainer.step(batch, cfg.auxWeight()) : trainer.step(batch);
                    long now = System.nanoTime();
                    double rate = cfg.batchSize() / ((now - last) / 1e9);
                    if (aux) log.log(s, r.loss(), r.accuracy(), r.gradNorm(), lr, rate, r.auxLoss());
                    else log.log(s, r.loss(), r.accuracy(), r.gradNorm(), lr, rate);
                    last = now;
                    if (s >= end - 20) {
                        lossSum += r.loss();
                        accSum += r.accuracy();
                        tail++;
                    }
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(aux ? String.format(" loss %.3f acc %.2f aux %.2f", r.loss(), r.accuracy(), r.auxLoss())
                                : String.format(" loss %.3f acc %.2f", r.loss(), r.accuracy()));
                    }
                    if ((s + 1) % cfg.checkpointEvery() == 0 || s + 1 == end) {
                        log.flush();
                        save(state, meta, s + 1, m, task, trainer);
                        onCheckpoint.accept(s + 1);
                    }
                }
                log.flush();
                log.plot("losses/ce", (base ? "pretrain" : "SFT " + task) + ": token cross-entropy", runDir.resolve("loss.png"));
            }
            return new Result(tail == 0 ? Double.NaN : lossSum / tail, tail == 0 ? Double.NaN : accSum / tail, end,
                    (System.nanoTime() - t0) / 1e9, resumed);
        }
    }

    static ProgressBar bar(String name, int total, int start) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(total).startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" steps", 1).setUpdateIntervalMillis(1000)
                .continuousUpdate().build();
    }

    static void save(Path file, ObjectNode meta, int step, TinyVla m, String task, SftTrainer trainer) {
        ObjectNode mm = meta.deepCopy();
        mm.put("step", step);
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("meta.json", PolicyFiles.json(mm));
        if (task == null) e.put("base.pt", PolicyFiles.viaTemp(m::saveBaseRaw));
        else e.put("adapter.pt", PolicyFiles.viaTemp(p -> m.saveAdapterRaw(task, p)));
        e.put("optim.pt", PolicyFiles.viaTemp(trainer::saveStateRaw));
        Checkpoints.write(file, e);
    }

    static int restore(Path file, ObjectNode want, TinyVla m, String task, SftTrainer trainer) {
        Map<String, byte[]> e = Checkpoints.read(file);
        JsonNode got = PolicyFiles.meta(e, file, "sft-state");
        for (String k : List.of("task", "recipe", "model", "samples")) {
            if (!got.path(k).toString().equals(want.path(k).toString()))
                throw new CheckpointException("training state '" + file + "' was written for " + k + " = " + got.path(k)
                        + ", this run has " + want.path(k) + " (use another run directory, or the same settings to resume)");
        }
        if (task == null) PolicyFiles.fromTemp(Checkpoints.entry(e, "base.pt", file), m::loadBaseRaw);
        else PolicyFiles.fromTemp(Checkpoints.entry(e, "adapter.pt", file), p -> m.loadAdapterRaw(task, p));
        PolicyFiles.fromTemp(Checkpoints.entry(e, "optim.pt", file), trainer::loadStateRaw);
        return got.path("step").asInt();
    }

    /** Deletes a run directory's training state (a finished run's is kept for inspection). */
    static void clear(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve("state.vlck"));
    }
}
