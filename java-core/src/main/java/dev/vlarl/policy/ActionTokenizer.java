package dev.vlarl.policy;

import java.util.Arrays;

/**
 * Action tokens as in OpenVLA / SimpleVLA-RL: each dimension is normalised with bounds taken
 * from the demonstrations (1st and 99th percentile), clipped to [-1, 1], and cut into
 * {@code bins} bins whose centres are {@code linspace(-1, 1, bins)}; a token de-tokenises to
 * its bin centre mapped back through the bounds. Immutable and thread-safe.
 *
 * <p>Normalisation: {@code n = 2 (a - low) / (high - low) - 1}; token = nearest centre,
 * {@code round((n + 1) / 2 * (bins - 1))}. A dimension whose bounds coincide (constant in the
 * demos) de-tokenises every token to that constant.
 */
public final class ActionTokenizer {
    private final float[] low;
    private final float[] high;
    private final int bins;

    public ActionTokenizer(float[] low, float[] high, int bins) {
        if (low.length != high.length || low.length == 0) throw new IllegalArgumentException("bounds need one low and high per dimension");
        if (bins < 2) throw new IllegalArgumentException("at least 2 bins");
        for (int d = 0; d < low.length; d++) {
            if (!Float.isFinite(low[d]) || !Float.isFinite(high[d]) || high[d] < low[d])
                throw new IllegalArgumentException("bad bounds for dimension " + d + ": [" + low[d] + ", " + high[d] + "]");
        }
        this.low = low.clone();
        this.high = high.clone();
        this.bins = bins;
    }

    /**
     * Bounds from demonstrations: {@code actions[i]} is one action {@code float[D]}; per dimension
     * the 1st and 99th percentiles (linear interpolation, as numpy's default).
     */
    public static ActionTokenizer fit(float[][] actions, int bins) {
        if (actions.length == 0) throw new IllegalArgumentException("no actions to fit the action tokenizer on");
        int dims = actions[0].length;
        float[] lo = new float[dims], hi = new float[dims];
        double[] col = new double[actions.length];
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < actions.length; i++) {
                if (actions[i].length != dims) throw new IllegalArgumentException("action " + i + " has " + actions[i].length + " dims, expected " + dims);
                if (!Float.isFinite(actions[i][d])) throw new IllegalArgumentException("action " + i + " dim " + d + " is not finite");
                col[i] = actions[i][d];
            }
            Arrays.sort(col);
            lo[d] = (float) percentile(col, 0.01);
            hi[d] = (float) percentile(col, 0.99);
        }
        return new ActionTokenizer(lo, hi, bins);
    }

    /** Percentile q in [0, 1] of sorted values (linear interpolation). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    public int dims() {
        return low.length;
    }

    public int bins() {
        return bins;
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    /** Normalised value of action component {@code a} of dimension {@code dim}, clipped to [-1, 1]. */
    public float normalise(int dim, float a) {
        float span = high[dim] - low[dim];
        if (span <= 0) return 0f;
        float n = 2f * (a - low[dim]) / span - 1f;
        return Math.max(-1f, Math.min(1f, n));
    }

    /** The token of action component {@code a} (NaN maps to the middle bin's neighbour, never throws). */
    public int token(int dim, float a) {
        float n = normalise(dim, a);
        if (Float.isNaN(n)) n = 0f;
        return Math.round((n + 1f) * 0.5f * (bins - 1));
    }

    /** The bin centre of {@code token} in normalised units: linspace(-1, 1, bins)[token]. */
    public float centre(int token) {
        if (token < 0 || token >= bins) throw new IllegalArgumentException("token " + token + " outside [0, " + bins + ")");
        return -1f + 2f * token / (bins - 1);
    }

    /** The action value of {@code token} in dimension {@code dim} (bin centre through the bounds). */
    public float value(int dim, int token) {
        return low[dim] + (centre(token) + 1f) * 0.5f * (high[dim] - low[dim]);
    }

    /** Largest round-trip error for values inside the bounds of {@code dim}: half a bin. */
    public float resolution(int dim) {
        return (high[dim] - low[dim]) / (bins - 1) / 2f;
    }
}
