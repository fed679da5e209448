package dev.vlarl.cli;

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
import dev.vlarl.policy.TinyVla;
import dev.vlarl.torch.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Pretrains the shared base on the pretraining tasks' demonstrations (never on benchmark tasks). */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain the policy's shared base (no adapters) on pretraining tasks' demonstrations.")
final class PretrainCommand implements Callable<Integer> {
    @Option(names = "--tasks", split = ",", required = true, description = "pretraining tasks: suite/task names or a suite (e.g. pretrain), comma-separated")
    List<String> tasks;

    @Option(names = "--demos", defaultValue = "50", description = "successful demonstrations per task (default ${DEFAULT-VALUE})")
    int demos;

    @Option(names = "--steps", defaultValue = "12000", description = "optimiser steps (default ${DEFAULT-VALUE}: the standing base, about 50 min on one core here)")
    int steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--run", defaultValue = "runs/pretrain", description = "run directory: metrics, state, bundle/ (default ${DEFAULT-VALUE})")
    Path run;

    @Option(names = "--init", description = "start from this bundle's base (its weights and tokenizers) instead of a new one: "
            + "more pretraining, or a whole-model fine-tune to compare adapters with")
    Path init;

    @Option(names = "--aux-weight", defaultValue = "0", description = "weight of an auxiliary loss: a head on the state token "
            + "predicts where the next grasp or release happens relative to the gripper (cm, Huber), so the image features must "
            + "locate the objects; a new base gets the head, an --init base must have one (default ${DEFAULT-VALUE}: none)")
    double auxWeight;

    @Mixin
    TrainingOptions train;

    @Override
    public Integer call() throws Exception {
        Torch.setNumThreads(train.threads);
        tasks = DemoSources.resolveTasks(train.demosDir, tasks);
        SftConfig recipe = train.recipe(steps, lr, 0.01, Math.min(100, steps / 10)).withAuxWeight(auxWeight);
        Files.createDirectories(run);
        if (init != null) {
            try (PolicyFiles.Loaded p = PolicyFiles.loadBase(init.resolve(Policy.BASE_FILE))) {
                return train(p, DemoSources.open(train.demosDir, tasks, demos, p.model().config().image(), train.seed), recipe);
            }
        }
        PolicyConfig config = PolicyConfig.defaults().withSeed(train.seed).withAux(auxWeight > 0);
        DemoSet demoSet = DemoSources.open(train.demosDir, tasks, demos, config.image(), train.seed);
        // A new base: the vocabulary covers every instruction of the suite (benchmark tasks included),
        // so later adapters see known words; the action bounds come from the pretraining demos only.
        InstructionTokenizer words = InstructionTokenizer.build(DemoSources.instructions(train.demosDir));
        ActionTokenizer actions = ActionTokenizer.fit(DemoBatcher.allActions(demoSet), config.bins());
        try (PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(config, words.size()), words, actions)) {
            return train(p, demoSet, recipe);
        }
    }

    private int train(PolicyFiles.Loaded p, DemoSet demoSet, SftConfig recipe) {
        System.err.printf("pretrain: %d tasks, %d episodes, base %,d parameters, %d steps of %d%n", tasks.size(),
                demoSet.episodes(), p.model().baseParameterCount(), steps, train.batch);
        // the bundle is refreshed at every checkpoint, so a running pretrain can be evaluated
        // (./vlarl eval --checkpoint RUN/bundle --tasks pretrain --base-fallback)
        SftRun.Result r = SftRun.run(p, demoSet, null, recipe, run, true, Integer.MAX_VALUE,
                step -> Policy.save(p, run.resolve("bundle")));
        Policy.save(p, run.resolve("bundle"));
        System.out.printf("pretrain: final loss %.4f, token accuracy %.3f, %.0f s; base at %s%n", r.loss(), r.accuracy(),
                r.seconds(), run.resolve("bundle").resolve(Policy.BASE_FILE));
        return 0;
    }
}
