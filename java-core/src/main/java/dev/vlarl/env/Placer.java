package dev.vlarl.env;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Rejection sampling of object positions on the table with a minimum centre distance. */
final class Placer {
    private final SplittableRandom rng;
    private final List<double[]> placed = new ArrayList<>();

    Placer(SplittableRandom rng) {
        this.rng = rng;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Marks a disc as occupied (for things placed by hand). */
    double[] occupy(double x, double y, double radius) {
        double[] p = {x, y, radius};
        placed.add(p);
        return p;
    }

    /** A point in the box whose disc of {@code radius} is clear of everything placed so far. */
    double[] sample(double xlo, double xhi, double ylo, double yhi, double radius) {
        for (int attempt = 0; attempt < 2000; attempt++) {
            double x = uniform(xlo, xhi), y = uniform(ylo, yhi);
            boolean ok = true;
            for (double[] p : placed) {
                double dx = x - p[0], dy = y - p[1], r = radius + p[2];
                if (dx * dx + dy * dy < r * r) {
                    ok = false;
                    break;
                }
            }
            if (ok) return occupy(x, y, radius);
        }
        throw new IllegalStateException("no free spot for radius " + radius + " in the layout box");
    }

    /** Small random yaw for graspable objects (the fingers close along y). */
    double yaw() {
        return uniform(-0.3, 0.3);
    }
}
