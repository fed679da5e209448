package dev.vlarl.env;

import dev.vlarl.env.ScriptedExpert.Phase;
import dev.vlarl.env.ScriptedExpert.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Phase builders for the scripted experts: pick, place, push, open/close the drawer, press. */
final class Skills {
    private Skills() {}

    static final double CARRY_Z = 0.16;
    static final double HOVER_Z = 0.12;

    static Phase phase(String name, Target t, boolean closed, double tol, int hold, int maxSteps, double speed) {
        return new Phase(name, t, closed, tol, hold, maxSteps, speed);
    }

    /** A phase that carries {@code obj}: if it is lost, the expert goes back to "hover obj". */
    static Phase holding(String obj, String name, Target t, double tol, int hold, int maxSteps, double speed) {
        return new Phase(name, t, true, tol, hold, maxSteps, speed, obj);
    }

    /** Hover over the object, descend, close, lift (and from the lift on, start again if it is lost). */
    static List<Phase> pick(String obj, SplittableRandom rng) {
        double dz = (rng.nextDouble() - 0.5) * 0.006;
        double grasp = Goal.halfHeight(obj) + dz;
        List<Phase> p = new ArrayList<>();
        p.add(phase("hover " + obj, (s, o) -> set(o, s.body(obj, 0), s.body(obj, 1), HOVER_Z), false, 0.012, 1, 60, 1));
        p.add(phase("descend " + obj, (s, o) -> set(o, s.body(obj, 0), s.body(obj, 1), grasp), false, 0.005, 2, 40, 0.6));
        p.add(phase("close", (s, o) -> set(o, s.hand(0), s.hand(1), grasp), true, 1, 8, 8, 0.3));
        p.add(holding(obj, "lift", (s, o) -> set(o, s.hand(0), s.hand(1), CARRY_Z), 0.02, 1, 30, 1));
        return p;
    }

    /** Carry {@code obj} to over (x, y) from {@code dest}, lower to releaseZ, open, go back up. */
    static List<Phase> place(String obj, Target dest, double releaseZ, SplittableRandom rng) {
        double jx = (rng.nextDouble() - 0.5) * 0.01, jy = (rng.nextDouble() - 0.5) * 0.01;
        List<Phase> p = new ArrayList<>();
        p.add(holding(obj, "carry", (s, o) -> {
            dest.at(s, o);
            set(o, o[0] + jx, o[1] + jy, CARRY_Z);
        }, 0.012, 2, 60, 1));
        p.add(holding(obj, "lower", (s, o) -> {
            dest.at(s, o);
            set(o, o[0] + jx, o[1] + jy, releaseZ);
        }, 0.008, 1, 40, 0.6));
        p.add(phase("release", (s, o) -> set(o, s.hand(0), s.hand(1), s.hand(2)), false, 1, 8, 8, 0.2));
        p.add(phase("retreat", (s, o) -> set(o, s.hand(0), s.hand(1), CARRY_Z), false, 0.02, 1, 30, 1));
        return p;
    }

    /** Target: a body's position plus an offset (z ignored by place). */
    static Target at(String body, double dx, double dy) {
        return (s, o) -> set(o, s.body(body, 0) + dx, s.body(body, 1) + dy, 0);
    }

    static List<Phase> pickPlaceOnPlate(String obj, String plate, SplittableRandom rng) {
        List<Phase> p = pick(obj, rng);
        p.addAll(place(obj, at(plate, 0, 0), Goal.OnPlate.TOP + Goal.halfHeight(obj) + 0.012, rng));
        return p;
    }

    static List<Phase> pickPlaceInBin(String obj, double dx, SplittableRandom rng) {
        List<Phase> p = pick(obj, rng);
        p.addAll(place(obj, at("bin", dx, 0), 0.004 + Goal.halfHeight(obj) + 0.02, rng));
        return p;
    }

    /**
     * Push an object to a zone's centre with closed fingers: line up behind it (direction
     * taken while lining up, then kept), lower, and push straight to the point where the
     * object's centre is on the zone's centre.
     */
    static List<Phase> push(String obj, String zone, SplittableRandom rng) {
        double[] dir = new double[2];
        double side = (rng.nextDouble() - 0.5) * 0.006;
        Target behind = (s, o) -> {
            direction(s, obj, zone, dir);
            set(o, s.body(obj, 0) - dir[0] * 0.075 - dir[1] * side, s.body(obj, 1) - dir[1] * 0.075 + dir[0] * side, 0.10);
        };
        Target low = (s, o) -> {
            direction(s, obj, zone, dir);
            set(o, s.body(obj, 0) - dir[0] * 0.075 - dir[1] * side, s.body(obj, 1) - dir[1] * 0.075 + dir[0] * side, 0.022);
        };
        Target pushing = (s, o) -> set(o, s.body(zone, 0) - dir[0] * 0.032, s.body(zone, 1) - dir[1] * 0.032, 0.022);
        Target away = (s, o) -> set(o, s.hand(0), s.hand(1), 0.10);
        List<Phase> p = new ArrayList<>();
        p.add(phase("close", (s, o) -> set(o, s.hand(0), s.hand(1), s.hand(2)), true, 1, 3, 3, 0.2));
        p.add(phase("behind " + obj, behind, true, 0.012, 1, 60, 1));
        p.add(phase("lower", low, true, 0.006, 2, 40, 0.6));
        p.add(phase("push", pushing, true, 0.006, 2, 120, 0.25));
        p.add(phase("back off", away, true, 0.01, 1, 30, 0.5));
        // the object may have slid off the line: line up again from where it is and push once more
        p.add(phase("behind again", behind, true, 0.012, 1, 60, 1));
        p.add(phase("lower again", low, true, 0.006, 2, 40, 0.6));
        p.add(phase("push again", pushing, true, 0.006, 2, 80, 0.25));
        p.add(phase("back off", away, true, 0.01, 1, 30, 0.5));
        return p;
    }

    /** Unit vector in the table plane from obj to zone (kept when they coincide). */
    static void direction(Sim s, String obj, String zone, double[] dir) {
        double dx = s.body(zone, 0) - s.body(obj, 0), dy = s.body(zone, 1) - s.body(obj, 1);
        double n = Math.hypot(dx, dy);
        if (n > 1e-3) {
            dir[0] = dx / n;
            dir[1] = dy / n;
        } else if (dir[0] == 0 && dir[1] == 0) {
            dir[1] = -1;
        }
    }

    /** Grasp the drawer handle and pull it out (about 14 cm), then let go and rise. */
    static List<Phase> openDrawer(SplittableRandom rng) {
        double hz = 0.065 + (rng.nextDouble() - 0.5) * 0.004;
        Target handle = (s, o) -> set(o, s.body("drawer", 0), s.body("drawer", 1) - 0.145, hz);
        List<Phase> p = new ArrayList<>();
        p.add(phase("over handle", (s, o) -> {
            handle.at(s, o);
            o[2] = 0.13;
        }, false, 0.01, 1, 60, 1));
        p.add(phase("to handle", handle, false, 0.005, 2, 40, 0.6));
        p.add(phase("grasp handle", (s, o) -> set(o, s.hand(0), s.hand(1), hz), true, 1, 10, 10, 0.2));
        p.add(phase("pull", (s, o) -> set(o, s.body("drawer", 0), 0.33 - 0.145 - 0.145, hz), true, 0.008, 2, 40, 0.5));
        p.add(phase("let go", (s, o) -> set(o, s.hand(0), s.hand(1), s.hand(2)), false, 1, 8, 8, 0.2));
        p.add(phase("rise", (s, o) -> set(o, s.hand(0), s.hand(1) - 0.02, CARRY_Z), false, 0.02, 1, 30, 1));
        return p;
    }

    /** Push the handle in with closed fingers. */
    static List<Phase> closeDrawer(SplittableRandom rng) {
        double hz = 0.065 + (rng.nextDouble() - 0.5) * 0.004;
        List<Phase> p = new ArrayList<>();
        p.add(phase("close", (s, o) -> set(o, s.hand(0), s.hand(1), s.hand(2)), true, 1, 3, 3, 0.2));
        p.add(phase("before handle", (s, o) -> set(o, s.body("drawer", 0), s.body("drawer", 1) - 0.145 - 0.04, 0.13), true, 0.01,
                1, 60, 1));
        p.add(phase("down", (s, o) -> set(o, s.body("drawer", 0), s.body("drawer", 1) - 0.145 - 0.04, hz), true, 0.006, 1, 40,
                0.6));
        p.add(phase("push in", (s, o) -> set(o, s.body("drawer", 0), 0.33 - 0.145 + 0.01, hz), true, 0.005, 2, 60, 0.5));
        return p;
    }

    /** Close the fingers, go over the button and press it down. */
    static List<Phase> pressButton(SplittableRandom rng) {
        double jx = (rng.nextDouble() - 0.5) * 0.01, jy = (rng.nextDouble() - 0.5) * 0.01;
        List<Phase> p = new ArrayList<>();
        p.add(phase("close", (s, o) -> set(o, s.hand(0), s.hand(1), s.hand(2)), true, 1, 3, 3, 0.2));
        p.add(phase("over button", (s, o) -> set(o, s.body("button", 0) + jx, s.body("button", 1) + jy, 0.12), true, 0.01, 1,
                60, 1));
        p.add(phase("press", (s, o) -> set(o, s.body("button", 0) + jx, s.body("button", 1) + jy, 0.04), true, 0.004, 3, 40,
                0.5));
        p.add(phase("rise", (s, o) -> set(o, s.hand(0), s.hand(1), 0.12), true, 0.01, 1, 30, 1));
        return p;
    }

    /** Put a held object down in the open drawer's exposed front part. */
    static List<Phase> placeInDrawer(String obj, SplittableRandom rng) {
        Target spot = (s, o) -> set(o, s.body("drawer", 0), Math.min(s.body("drawer", 1) - 0.02, 0.19), 0);
        return place(obj, spot, 0.075, rng);
    }

    static void set(double[] o, double x, double y, double z) {
        o[0] = x;
        o[1] = y;
        o[2] = z;
    }
}
