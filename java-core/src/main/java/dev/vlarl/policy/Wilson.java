package dev.vlarl.policy;

/** Wilson score interval for a binomial proportion (95%: z = 1.959964). */
public record Wilson(int successes, int trials, double rate, double low, double high) {
    public static final double Z95 = 1.959963984540054;

    public static Wilson of(int successes, int trials) {
        if (trials <= 0) return new Wilson(successes, trials, Double.NaN, 0, 1);
        if (successes < 0 || successes > trials) throw new IllegalArgumentException(successes + " successes of " + trials);
        double z = Z95, n = trials, p = successes / n, z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
        return new Wilson(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    @Override
    public String toString() {
        return String.format("%5.1f%% [%5.1f, %5.1f] (%d/%d)", 100 * rate, 100 * low, 100 * high, successes, trials);
    }
}
