package dev.vlarl.env;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Object placement in LIBERO's manner: every scene layout has a fixed <em>arrangement</em>
 * (where each object nominally sits, drawn once from a random source that depends only on
 * the scene) and every episode jitters each placement within a small region around it
 * (drawn from the episode's seed). Every draw stays inside the range the layout asks for:
 * the nominal point is drawn from the range shrunk by the jitter, so the jittered point
 * never leaves it. Rejection sampling keeps discs apart with a margin that covers the
 * largest possible jitter of both, so no episode can overlap two objects.
 *
 * <p>Sessions 1-2 drew every position afresh over the whole range per episode ("wide"
 * layouts: six objects anywhere on the table). A policy trained from scratch on a few
 * demonstrations cannot learn that, and it is not what LIBERO measures; see
 * docs/results/policy.md.
 */
final class Placer {
    /** Half-width of a position's jitter region, metres (LIBERO's regions are 1-3 cm). */
    static final double JITTER = 0.02;
    /** Half-width of a yaw's jitter, radians. */
    static final double YAW_JITTER = 0.1;

    private final SplittableRandom arrangement;
    private final SplittableRandom episode;
    private final double jitterScale;
    private final List<double[]> placed = new ArrayList<>();

    /**
     * @param arrangement the scene's fixed random source (same for every episode of the scene)
     * @param episode the episode's random source (the jitter)
     */
    Placer(SplittableRandom arrangement, SplittableRandom episode) {
        this(arrangement, episode, 1);
    }

    /**
     * @param jitterScale the episodes' position jitter is this many times the benchmark's (same
     *     arrangement, same draws; 1 = the benchmark). Above 1 the layout's clearances, which
     *     cover the benchmark's jitter, no longer hold: for recording wider demonstrations
     *     (the expert's failures are dropped), never for evaluation.
     */
    Placer(SplittableRandom arrangement, SplittableRandom episode, double jitterScale) {
        this.arrangement = arrangement;
        this.episode = episode;
        this.jitterScale = checkedJitterScale(jitterScale);
    }

    /** {@code scale} if it is a valid jitter scale, in [1, 4]; else an error naming it. */
    static double checkedJitterScale(double scale) {
        if (!(scale >= 1) || scale > 4) throw new IllegalArgumentException("jitter scale must be in [1, 4], got " + scale);
        return scale;
    }

    /** The arrangement's random source for a scene: fixed per scene body set. */
    static SplittableRandom arrangementOf(java.util.Set<String> bodies) {
        return new SplittableRandom(Scenes.key(bodies).hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    /** Nominal value in [lo + w, hi - w] and its jittered value in [lo, hi], w = min(jitter, half the range). */
    private double[] draw(double lo, double hi, double jitter) {
        double w = Math.min(jitter, (hi - lo) / 2);
        double nominal = lo + w + (hi - lo - 2 * w) * arrangement.nextDouble();
        return new double[] {nominal, nominal + jitter(w)};
    }

    /** The episode's offset, uniform in [-w, w] (times the jitter scale). */
    private double jitter(double w) {
        return w * jitterScale * (2 * episode.nextDouble() - 1);
    }

    /** A position coordinate in [lo, hi]. */
    double uniform(double lo, double hi) {
        return draw(lo, hi, JITTER)[1];
    }

    /** A value of the arrangement alone, in [lo, hi] (an offset from something already jittered). */
    double fixed(double lo, double hi) {
        return lo + (hi - lo) * arrangement.nextDouble();
    }

    /** A fixed choice of the arrangement (for example which side the bin is on). */
    boolean choice() {
        return arrangement.nextBoolean();
    }

    /** A fixed index in [0, n) of the arrangement (for example which slot an object takes). */
    int pick(int n) {
        return arrangement.nextInt(n);
    }

    /** A draw of the episode alone, uniform in [lo, hi) (for example how far a drawer starts open). */
    double episodeUniform(double lo, double hi) {
        return lo + (hi - lo) * episode.nextDouble();
    }

    /**
     * A spot in the box, placed without checking (the first things of a layout); its disc of
     * {@code radius} is kept clear by later {@link #sample} calls. Returns the jittered point.
     */
    double[] spot(double xlo, double xhi, double ylo, double yhi, double radius) {
        double[] x = draw(xlo, xhi, JITTER), y = draw(ylo, yhi, JITTER);
        placed.add(new double[] {x[0], y[0], radius});
        return new double[] {x[1], y[1]};
    }

    /**
     * A point in the box whose disc of {@code radius} is clear of everything placed so far,
     * for every jitter: the nominal point is chosen with the margin, then jittered.
     */
    double[] sample(double xlo, double xhi, double ylo, double yhi, double radius) {
        double margin = JITTER * Math.sqrt(2);
        for (int attempt = 0; attempt < 2000; attempt++) {
            double x = xlo + JITTER + (xhi - xlo - 2 * JITTER) * arrangement.nextDouble();
            double y = ylo + JITTER + (yhi - ylo - 2 * JITTER) * arrangement.nextDouble();
            boolean ok = true;
            for (double[] p : placed) {
                double dx = x - p[0], dy = y - p[1], r = radius + p[2] + 2 * margin;
                if (dx * dx + dy * dy < r * r) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                placed.add(new double[] {x, y, radius});
                return new double[] {x + jitter(JITTER), y + jitter(JITTER)};
            }
        }
        throw new IllegalStateException("no free spot for radius " + radius + " in the layout box");
    }

    /** Yaw for graspable objects (the fingers close along y): within +-0.3 rad. */
    double yaw() {
        return draw(-0.3, 0.3, YAW_JITTER)[1];
    }
}
