package dev.vlarl.grpo;

/**
 * GRPO settings, defaulting to the SimpleVLA-RL reference recipe (shared/METHOD.md) where
 * the setting transfers to a small CPU-trained policy, and saying so where it does not.
 *
 * @param groupSize n: rollouts per task / initial state (reference 8)
 * @param groupsPerStep task / initial-state pairs per update after dynamic sampling (reference 64)
 * @param temperature rollout sampling temperature; log-probs are recomputed at the same value (reference 1.6)
 * @param clipLow ratio lower bound is 1 - clipLow (reference 0.2)
 * @param clipHigh ratio upper bound is 1 + clipHigh, "clip-higher" (reference 0.28)
 * @param keepMinSuccess dynamic sampling keeps a group only if its mean success is above this (reference 0.1)
 * @param keepMaxSuccess ... and below this (reference 0.9); with n = 8 this drops exactly all-fail and all-success
 * @param stdEpsilon added to the group's std in the advantage denominator (reference 1e-6)
 * @param learningRate AdamW learning rate; the reference's 5e-6 is for a 7B model, a small adapter wants far more
 * @param miniBatches mini-batches per update, one epoch over the batch (reference 4)
 * @param maxGradNorm global gradient-norm clip (reference 1.0)
 */
public record GrpoConfig(int groupSize, int groupsPerStep, double temperature, double clipLow, double clipHigh,
        double keepMinSuccess, double keepMaxSuccess, double stdEpsilon, double learningRate, int miniBatches,
        double maxGradNorm) {

    public GrpoConfig {
        if (groupSize < 2) throw new IllegalArgumentException("groupSize must be >= 2 (a group of one has no baseline), got " + groupSize);
        if (groupsPerStep < 1) throw new IllegalArgumentException("groupsPerStep must be >= 1");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        if (!(clipLow > 0 && clipLow < 1) || !(clipHigh > 0)) {
            throw new IllegalArgumentException("clip bounds must satisfy 0 < clipLow < 1 and clipHigh > 0");
        }
        if (!(keepMinSuccess < keepMaxSuccess)) throw new IllegalArgumentException("keepMinSuccess must be < keepMaxSuccess");
        if (!(stdEpsilon > 0)) throw new IllegalArgumentException("stdEpsilon must be > 0");
        if (miniBatches < 1) throw new IllegalArgumentException("miniBatches must be >= 1");
    }

    /** The reference recipe's numbers, with a learning rate for a small adapter (1e-4). */
    public static GrpoConfig reference() {
        return new GrpoConfig(8, 64, 1.6, 0.2, 0.28, 0.1, 0.9, 1e-6, 1e-4, 4, 1.0);
    }
}
