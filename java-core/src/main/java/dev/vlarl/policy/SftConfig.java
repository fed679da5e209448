package dev.vlarl.policy;

/**
 * Supervised training recipe (pretraining and per-task SFT). The stopping rule is a fixed
 * number of optimiser steps, the same for every number of demonstrations K.
 *
 * @param steps optimiser steps (the stopping rule)
 * @param batchSize samples (observation, action chunk) per step, drawn uniformly with replacement
 * @param lr peak AdamW learning rate
 * @param weightDecay AdamW decoupled weight decay
 * @param clip global gradient-norm clip (&lt;= 0: none)
 * @param warmup linear warm-up steps, then cosine decay to 10% of lr
 * @param seed sampling seed: step s draws its batch from (seed, s), so a resumed run draws what the
 *     uninterrupted one would have
 * @param checkpointEvery steps between atomic checkpoints of the training state
 * @param labelSigma soft targets: each action token's target is a Gaussian over the bins around
 *     the expert's bin with this std in bins (0: one-hot cross-entropy)
 * @param shift random-shift augmentation: each training image moves by up to this many pixels
 *     in x and y (0: none)
 * @param stateNoise std (metres) of Gaussian noise added to the gripper position in the state
 *     (0: none). With few demonstrations the exact start position names the episode, and a
 *     policy that keys its trajectory on it never learns to look: noise makes it read the image.
 * @param auxWeight weight of the auxiliary head's loss when pretraining a base that has one
 *     ({@link PolicyConfig#aux()}; 0: token loss only). Adapter training never uses it.
 */
public record SftConfig(int steps, int batchSize, double lr, double weightDecay, double clip, int warmup, long seed,
        int checkpointEvery, double labelSigma, int shift, double stateNoise, double auxWeight) {
    public SftConfig {
        if (steps <= 0 || batchSize <= 0 || checkpointEvery <= 0) throw new IllegalArgumentException("steps, batch size and checkpoint interval must be positive");
        if (!(lr > 0)) throw new IllegalArgumentException("lr must be positive");
        if (warmup < 0) throw new IllegalArgumentException("warmup must be >= 0");
        if (!(labelSigma >= 0) || labelSigma > 64) throw new IllegalArgumentException("labelSigma must be in [0, 64] bins, got " + labelSigma);
        if (shift < 0) throw new IllegalArgumentException("shift must be >= 0, got " + shift);
        if (!(stateNoise >= 0) || stateNoise > 1) throw new IllegalArgumentException("stateNoise must be in [0, 1] m, got " + stateNoise);
        if (!(auxWeight >= 0) || !Double.isFinite(auxWeight)) throw new IllegalArgumentException("auxWeight must be finite and >= 0, got " + auxWeight);
    }

    /** No auxiliary loss. */
    public SftConfig(int steps, int batchSize, double lr, double weightDecay, double clip, int warmup, long seed,
            int checkpointEvery, double labelSigma, int shift, double stateNoise) {
        this(steps, batchSize, lr, weightDecay, clip, warmup, seed, checkpointEvery, labelSigma, shift, stateNoise, 0);
    }

    /** One-hot targets, no augmentation. */
    public SftConfig(int steps, int batchSize, double lr, double weightDecay, double clip, int warmup, long seed,
            int checkpointEvery) {
        this(steps, batchSize, lr, weightDecay, clip, warmup, seed, checkpointEvery, 0, 0, 0);
    }

    /** The augmentation defaults of the pretrain and sft commands (steps, lr, warm-up: see those commands). */
    public static final double LABEL_SIGMA = 2.0;
    public static final int SHIFT = 4;
    public static final double STATE_NOISE = 0.03;

    public SftConfig withSteps(int s) {
        return new SftConfig(s, batchSize, lr, weightDecay, clip, warmup, seed, checkpointEvery, labelSigma, shift, stateNoise, auxWeight);
    }

    public SftConfig withAuxWeight(double w) {
        return new SftConfig(steps, batchSize, lr, weightDecay, clip, warmup, seed, checkpointEvery, labelSigma, shift, stateNoise, w);
    }

    /** Learning rate at step s: linear warm-up, then cosine decay to 10%. */
    public double lrAt(int s) {
        if (s < warmup) return lr * (s + 1) / (double) warmup;
        double p = (s - warmup) / (double) Math.max(1, steps - warmup);
        return lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, p))));
    }
}
