package dev.vlarl.cli;

import dev.vlarl.env.TaskRegistry;
import dev.vlarl.policy.ActionTokenizer;
import dev.vlarl.policy.DemoBatcher;
import dev.vlarl.policy.DemoSet;
import dev.vlarl.policy.DemoSources;
import dev.vlarl.policy.InstructionTokenizer;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.PolicyConfig;
import dev.vlarl.policy.PolicyFiles;
import dev.vlarl.policy.SftConfig;
import dev.vlarl.policy.SftRun;
import dev.vlarl.policy.SftSelection;
import dev.vlarl.policy.TinyVla;
import dev.vlarl.torch.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Per-task SFT: the frozen pretrained base plus one new adapter per task, from K demonstrations. */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Supervised fine-tuning: one LoRA adapter per task on the frozen base, from K demonstrations each.")
final class SftCommand implements Callable<Integer> {
    @Option(names = "--tasks", split = ",", required = true, description = "tasks: suite/task names, suites or 'benchmark', comma-separated; one adapter each")
    List<String> tasks;

    @Option(names = "--demos", defaultValue = "1", description = "K: successful demonstrations per task (default ${DEFAULT-VALUE})")
    int demos;

    @Option(names = "--base", description = "pretrained bundle directory (./vlarl pretrain writes runs/pretrain/bundle); "
            + "without it the base is freshly initialised and trained along with the adapter")
    Path base;

    @Option(names = "--steps", defaultValue = "1500", description = "optimiser steps per task, the same for every K (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--lr", defaultValue = "3e-3", description = "peak learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--lora-rank", description = "rank of the new adapters (default: the base's; the update scale alpha / rank "
            + "stays the base's)")
    Integer loraRank;

    @Option(names = "--adapt-stem", description = "the new adapters also adapt the frozen convolutional stem: a scale and shift of each "
            + "channel (FiLM) before the keypoints and the patch embedding, and a low-rank update of the keypoint convolution")
    boolean adaptStem;

    @Option(names = "--hand-crop", defaultValue = "0", description = "the new adapters also see a hand view: a crop this many pixels "
            + "wide of the camera image, centred on the gripper's projected position, encoded into one more token (default "
            + "${DEFAULT-VALUE}: none)")
    int handCrop;

    @Option(names = "--validate-every", defaultValue = "0", description = "choose each adapter's checkpoint by validation rollouts: "
            + "every this many steps, run it greedily on --validate-episodes validation seeds (disjoint from the demonstrations' and "
            + "the held-out evaluation seeds) and keep the best (default ${DEFAULT-VALUE}: off, the last step)")
    int validateEvery;

    @Option(names = "--validate-episodes", defaultValue = "20", description = "validation episodes per check (default ${DEFAULT-VALUE})")
    int validateEpisodes;

    @Option(names = "--run", description = "run directory (default runs/sft-k<K>)")
    Path run;

    @Mixin
    TrainingOptions train;

    @Override
    public Integer call() throws Exception {
        if (validateEvery < 0 || validateEpisodes <= 0)
            throw new IllegalArgumentException("--validate-every must be >= 0 and --validate-episodes positive");
        Torch.setNumThreads(train.threads);
        tasks = DemoSources.resolveTasks(train.demosDir, tasks);
        Path runDir = run != null ? run : Path.of("runs", "sft-k" + demos);
        Files.createDirectories(runDir);
        SftConfig recipe = train.recipe(steps, lr, 0.0, Math.min(20, steps / 10));
        UnaryOperator<PolicyConfig> adapterRank = c -> (loraRank == null ? c : c.withLoraRank(loraRank)).withLoraStem(adaptStem || c.loraStem())
                .withHandCrop(handCrop > 0 ? handCrop : c.handCrop());
        PolicyFiles.Loaded p;
        if (base != null) {
            p = PolicyFiles.loadBase(base.resolve(Policy.BASE_FILE), adapterRank);
        } else {
            DemoSet all = DemoSources.open(train.demosDir, tasks, demos, PolicyConfig.defaults().image(), train.seed);
            InstructionTokenizer words = InstructionTokenizer.build(DemoSources.instructions(train.demosDir));
            p = new PolicyFiles.Loaded(TinyVla.create(adapterRank.apply(PolicyConfig.defaults()).withSeed(train.seed), words.size()), words,
                    ActionTokenizer.fit(DemoBatcher.allActions(all), PolicyConfig.defaults().bins()));
            System.err.println("sft: no --base given: training each task's adapter on a randomly initialised, frozen base");
        }
        Map<String, SftRun.Result> results = new LinkedHashMap<>();
        try (p) {
            for (String task : tasks) {
                DemoSet d = DemoSources.open(train.demosDir, List.of(task), demos, p.model().config().image(), train.seed);
                Path taskDir = runDir.resolve(PolicyFiles.fileName(task));
                SftRun.Result r;
                if (validateEvery > 0) {
                    SftSelection.Result sel = SftSelection.run(p, d, TaskRegistry.get(task), recipe, taskDir, validateEvery, validateEpisodes,
                            10, true);
                    r = sel.last();
                    System.err.printf("sft %s: kept step %d (validation %d/%d; %s)%n", task, sel.bestStep(), sel.bestSuccesses(),
                            sel.episodes(), sel.history());
                } else {
                    r = SftRun.run(p, d, task, recipe, taskDir, true, Integer.MAX_VALUE);
                }
                results.put(task, r);
                System.err.printf("sft %s: K=%d, %d observations, loss %.4f, token accuracy %.3f, %.0f s%n", task, demos,
                        d.episodes() == 0 ? 0 : totalObservations(d), r.loss(), r.accuracy(), r.seconds());
                // after every task, not once at the end: a long multi-task run can be evaluated (and used) task by task,
                // and a killed one keeps the adapters it finished
                Policy.save(p, runDir.resolve("bundle"));
            }
        }
        System.out.printf("sft: %d adapters (K=%d) in %s%n", results.size(), demos, runDir.resolve("bundle"));
        return 0;
    }

    private static int totalObservations(DemoSet d) {
        int n = 0;
        for (int e = 0; e < d.episodes(); e++) n += d.length(e);
        return n;
    }
}
