package dev.vlarl.cli;

import dev.vlarl.policy.SftConfig;
import picocli.CommandLine.Option;

/** The options {@code pretrain} and {@code sft} share: data, batch, soft targets, augmentation, threads, seed. */
final class TrainingOptions {
    @Option(names = "--demos-dir", defaultValue = "runs/demos", description = "recordings of ./vlarl demos (several: comma-separated, read in that order, e.g. a mix of two recordings), or 'synthetic' (default ${DEFAULT-VALUE})")
    String demosDir;

    @Option(names = "--batch", defaultValue = "32", description = "samples per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--label-sigma", defaultValue = "" + SftConfig.LABEL_SIGMA, description = "soft action-token targets: Gaussian std in bins around the expert's bin, 0 = one-hot (default ${DEFAULT-VALUE})")
    double labelSigma;

    @Option(names = "--shift", defaultValue = "" + SftConfig.SHIFT, description = "random-shift image augmentation, pixels (default ${DEFAULT-VALUE})")
    int shift;

    @Option(names = "--state-noise", defaultValue = "" + SftConfig.STATE_NOISE, description = "std (m) of noise on the gripper position in the state, so the policy reads the image (default ${DEFAULT-VALUE})")
    double stateNoise;

    @Option(names = "--threads", defaultValue = "1", description = "libtorch intra-op threads (default ${DEFAULT-VALUE}: on 2 cores one training job per core beats one job on both)")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "sampling seed, and the init seed of a new base (default ${DEFAULT-VALUE})")
    long seed;

    /** The recipe: these options plus a command's steps, peak lr, weight decay and warm-up (checkpoint every 100 steps). */
    SftConfig recipe(int steps, double lr, double weightDecay, int warmup) {
        return new SftConfig(steps, batch, lr, weightDecay, 1.0, warmup, seed, 100, labelSigma, shift, stateNoise);
    }
}
