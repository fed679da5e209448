package dev.vlarl.grpo;

/**
 * GRPO outcome advantages: {@code A = (r - mean(group)) / (std(group) + eps)}, one value per
 * trajectory, later given to every valid action token of that trajectory.
 *
 * <p>Numerical choices, pinned by tests (they follow veRL's compute_grpo_outcome_advantage):
 * <ul>
 *   <li>std is the unbiased (Bessel-corrected, n - 1) sample standard deviation, as torch.std;</li>
 *   <li>eps is added to the std, not to the variance;</li>
 *   <li>a group whose rewards are all equal gets advantage 0 for every member (std 0, numerator 0);</li>
 *   <li>a group of one is rejected (veRL uses mean 0, std 1 there; GRPO needs a baseline).</li>
 * </ul>
 */
public final class Advantages {
    private Advantages() {}

    /**
     * Writes advantages for {@code rewards} laid out as consecutive groups of {@code groupSize}.
     *
     * @param rewards float[G * n], task success 0 or 1 (any finite value is accepted)
     * @param groupSize n
     * @param eps added to each group's std
     * @param out float[G * n] receives the advantages (may be {@code rewards} itself)
     */
    public static void grpo(float[] rewards, int groupSize, double eps, float[] out) {
        if (groupSize < 2) throw new IllegalArgumentException("group size must be >= 2, got " + groupSize);
        if (rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not split into groups of " + groupSize);
        }
        if (out.length != rewards.length) throw new IllegalArgumentException("out has " + out.length + " slots, need " + rewards.length);
        for (int g = 0; g < rewards.length; g += groupSize) {
            double sum = 0;
            for (int i = g; i < g + groupSize; i++) {
                if (!Float.isFinite(rewards[i])) throw new IllegalArgumentException("reward " + i + " is " + rewards[i]);
                sum += rewards[i];
            }
            double mean = sum / groupSize;
            double ss = 0;
            for (int i = g; i < g + groupSize; i++) ss += (rewards[i] - mean) * (rewards[i] - mean);
            double std = Math.sqrt(ss / (groupSize - 1));
            for (int i = g; i < g + groupSize; i++) out[i] = (float) ((rewards[i] - mean) / (std + eps));
        }
    }

    /** Mean reward of group {@code g}. */
    public static double groupMean(float[] rewards, int groupSize, int g) {
        double sum = 0;
        for (int i = g * groupSize; i < (g + 1) * groupSize; i++) sum += rewards[i];
        return sum / groupSize;
    }
}
