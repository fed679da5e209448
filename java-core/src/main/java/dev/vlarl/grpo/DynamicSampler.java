package dev.vlarl.grpo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Dynamic sampling: a rollout group is kept only if {@code keepMin < mean success < keepMax}
 * (with n = 8 and the reference 0.1 / 0.9 that drops exactly the all-fail and all-success
 * groups, whose advantages are all zero). Kept groups queue up; a step takes
 * {@code groupsPerStep} of them and leaves the surplus for the next step.
 *
 * @param <G> a rollout group (its rewards are read through {@link Rewarded})
 */
public final class DynamicSampler<G extends DynamicSampler.Rewarded> {
    /** Anything that carries a group's 0/1 rewards. */
    public interface Rewarded {
        float[] rewards();
    }

    private final double keepMin;
    private final double keepMax;
    private final ArrayDeque<G> kept = new ArrayDeque<>();
    private long offered;
    private long dropped;

    public DynamicSampler(double keepMin, double keepMax) {
        if (!(keepMin < keepMax)) throw new IllegalArgumentException("keepMin must be < keepMax");
        this.keepMin = keepMin;
        this.keepMax = keepMax;
    }

    public DynamicSampler(GrpoConfig config) {
        this(config.keepMinSuccess(), config.keepMaxSuccess());
    }

    /** Whether a group with these rewards carries a learning signal under the filter. */
    public boolean keeps(float[] rewards) {
        double sum = 0;
        for (float r : rewards) sum += r;
        double mean = sum / rewards.length;
        return mean > keepMin && mean < keepMax;
    }

    /** Offers a freshly rolled-out group; returns whether it was kept. */
    public boolean offer(G group) {
        offered++;
        if (keeps(group.rewards())) {
            kept.addLast(group);
            return true;
        }
        dropped++;
        return false;
    }

    /** Kept groups waiting for a step. */
    public int available() {
        return kept.size();
    }

    /** Takes {@code n} kept groups, oldest first; the caller keeps drawing until {@link #available()} >= n. */
    public List<G> take(int n) {
        if (n > kept.size()) throw new IllegalStateException("only " + kept.size() + " kept groups, asked for " + n);
        List<G> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(kept.pollFirst());
        return out;
    }

    /** Fraction of offered groups dropped so far (a metric worth plotting: near 1 means no signal). */
    public double dropRate() {
        return offered == 0 ? 0 : (double) dropped / offered;
    }
}
