package dev.vlarl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** GRPO training (SimpleVLA-RL). Filled in by the trainer issue; says so until then. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Improve an SFT policy online with GRPO on task-success reward (not built yet).")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("vlarl train: the GRPO trainer is not built yet. What works today: ./vlarl envs, demos, pretrain, sft, eval, policy, info; ./vlarl test.");
        return 2;
    }
}
