package dev.vlarl.env;

import java.util.List;

/**
 * A task's success predicate on simulator state, with two test states: one that satisfies
 * it and a near miss it must reject (the non-triviality tests use both).
 */
public interface Goal {
    /** Whether the state of {@code s} meets the goal. */
    boolean test(Sim s);

    /** Puts {@code s} into a state that meets the goal (objects placed, then settled). */
    void satisfy(Sim s);

    /** Puts {@code s} into a state just short of the goal. */
    void nearMiss(Sim s);

    /** One line for logs and docs. */
    String describe();

    /**
     * Milestones on the way to the goal, in order, ending with the goal itself (a diagnostic:
     * evaluation counts how many episodes reach each, to say which stage fails). By default
     * the goal alone.
     */
    default List<Goal> stages() {
        return List.of(this);
    }

    /** Home pose of the gripper for test states: high above the table, open. */
    static void park(Sim s) {
        s.setHand(0, -0.15, 0.25, false);
    }

    /** Whether the object's centre is within 3 cm of the grasp point with the fingers closed. */
    static boolean between(Sim s, String object) {
        double dx = s.body(object, 0) - s.hand(0), dy = s.body(object, 1) - s.hand(1), dz = s.body(object, 2) - s.hand(2);
        return s.gripClosed() && dx * dx + dy * dy + dz * dz < 0.03 * 0.03;
    }

    /** Resting height of an object's centre on a surface at z = 0. */
    static double halfHeight(String object) {
        return object.startsWith("cyl_") ? 0.025 : 0.02;
    }

    // ---- the predicates ------------------------------------------------------------------

    /** Object released and at rest, centre within 5 cm of a plate's centre, lying on it. */
    record OnPlate(String object, String plate) implements Goal {
        static final double RADIUS = 0.05, TOP = 0.006;

        public boolean test(Sim s) {
            double dx = s.body(object, 0) - s.body(plate, 0), dy = s.body(object, 1) - s.body(plate, 1);
            double z = s.body(object, 2) - TOP - halfHeight(object);
            return dx * dx + dy * dy < RADIUS * RADIUS && z > -0.01 && z < 0.012 && !s.gripClosed() && s.speed(object) < 0.1;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setFreeBody(object, s.body(plate, 0) + 0.01, s.body(plate, 1) - 0.01, TOP + halfHeight(object) + 0.002, 0.2);
            s.settle(100);
        }

        public void nearMiss(Sim s) {
            // beside the plate, on the table, released
            park(s);
            s.setFreeBody(object, s.body(plate, 0) + 0.095, s.body(plate, 1), halfHeight(object) + 0.001, 0);
            s.settle(100);
        }

        public String describe() {
            return object + " on " + plate;
        }

        public List<Goal> stages() {
            return List.of(new Held(object), this);
        }
    }

    /** Object released and at rest inside the bin's walls, below their top. */
    record InBin(String object, double slot) implements Goal {
        static final double INNER = 0.06, WALL_TOP = 0.06;

        /** In the bin; test states put it at the bin's centre. */
        InBin(String object) {
            this(object, 0);
        }

        public boolean test(Sim s) {
            double dx = Math.abs(s.body(object, 0) - s.body("bin", 0)), dy = Math.abs(s.body(object, 1) - s.body("bin", 1));
            return dx < INNER && dy < INNER && s.body(object, 2) < WALL_TOP && !s.gripClosed() && s.speed(object) < 0.1;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setFreeBody(object, s.body("bin", 0) + slot, s.body("bin", 1) + 0.01, 0.004 + halfHeight(object) + 0.002, 0.3);
            s.settle(100);
        }

        public void nearMiss(Sim s) {
            // on the table just outside the bin's east wall
            park(s);
            s.setFreeBody(object, s.body("bin", 0) + 0.11, s.body("bin", 1), halfHeight(object) + 0.001, 0);
            s.settle(100);
        }

        public String describe() {
            return object + " in bin";
        }

        public List<Goal> stages() {
            return List.of(new Held(object), this);
        }
    }

    /** Object at rest on the table with its centre inside the zone's 10 cm square. */
    record InZone(String object, String zone) implements Goal {
        static final double HALF = 0.05;

        public boolean test(Sim s) {
            double dx = Math.abs(s.body(object, 0) - s.body(zone, 0)), dy = Math.abs(s.body(object, 1) - s.body(zone, 1));
            return dx < HALF && dy < HALF && s.body(object, 2) < halfHeight(object) + 0.01 && s.speed(object) < 0.1;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setFreeBody(object, s.body(zone, 0) + 0.02, s.body(zone, 1) - 0.015, halfHeight(object) + 0.001, 0.1);
            s.settle(100);
        }

        public void nearMiss(Sim s) {
            park(s);
            s.setFreeBody(object, s.body(zone, 0) + 0.065, s.body(zone, 1), halfHeight(object) + 0.001, 0);
            s.settle(100);
        }

        public String describe() {
            return object + " pushed into " + zone;
        }
    }

    /** The drawer pulled out at least 10 cm (of 16). */
    record DrawerOpen() implements Goal {
        static final double MIN = 0.10;

        public boolean test(Sim s) {
            return s.joint("drawer") > MIN;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setJoint("drawer", 0.13);
            s.settle(20);
        }

        public void nearMiss(Sim s) {
            park(s);
            s.setJoint("drawer", 0.08);
            s.settle(20);
        }

        public String describe() {
            return "drawer open > 10 cm";
        }
    }

    /** The drawer pushed in to less than 1.5 cm. */
    record DrawerClosed() implements Goal {
        static final double MAX = 0.015;

        public boolean test(Sim s) {
            return s.joint("drawer") < MAX;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setJoint("drawer", 0.005);
            s.settle(20);
        }

        public void nearMiss(Sim s) {
            park(s);
            s.setJoint("drawer", 0.035);
            s.settle(20);
        }

        public String describe() {
            return "drawer closed (< 1.5 cm out)";
        }
    }

    /** The button pressed down at least 8 mm (of 14). */
    record ButtonPressed() implements Goal {
        static final double DEPTH = -0.008;

        public boolean test(Sim s) {
            return s.joint("button") < DEPTH;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setJoint("button", -0.012);
            s.forward();
        }

        public void nearMiss(Sim s) {
            park(s);
            s.setJoint("button", -0.005);
            s.forward();
        }

        public String describe() {
            return "button pressed > 8 mm";
        }
    }

    /** Object held between closed fingers at least 10 cm above the table. */
    record Lifted(String object) implements Goal {
        static final double HEIGHT = 0.10;

        public boolean test(Sim s) {
            return s.body(object, 2) > HEIGHT && between(s, object);
        }

        public void satisfy(Sim s) {
            hold(s, 0.14);
        }

        public void nearMiss(Sim s) {
            hold(s, 0.075);
        }

        private void hold(Sim s, double z) {
            double x = 0.05, y = 0.0;
            s.setHand(x, y, z, true);
            double half = object.startsWith("cyl_") ? 0.02 : 0.02;
            s.setJoint("finger_l", half);
            s.setJoint("finger_r", half);
            s.setFreeBody(object, x, y, z, 0);
            s.settle(100);
        }

        public String describe() {
            return object + " lifted > 10 cm";
        }
    }

    /**
     * Object between closed fingers and off the table (centre 5 cm up or more): a milestone of
     * pick-and-place tasks, not a task's goal.
     */
    record Held(String object) implements Goal {
        static final double HEIGHT = 0.05;

        public boolean test(Sim s) {
            return s.body(object, 2) > HEIGHT && between(s, object);
        }

        public void satisfy(Sim s) {
            new Lifted(object).satisfy(s);
        }

        public void nearMiss(Sim s) {
            // closed fingers at the right place, the object still on the table
            double x = 0.05, y = 0.0;
            s.setFreeBody(object, x, y, halfHeight(object) + 0.001, 0);
            s.setHand(x, y, 0.15, true);
            s.settle(100);
        }

        public String describe() {
            return object + " held";
        }
    }

    /** Object released and at rest inside the drawer's tray. */
    record InDrawer(String object) implements Goal {
        public boolean test(Sim s) {
            double dx = s.body(object, 0) - s.body("drawer", 0), dy = s.body(object, 1) - s.body("drawer", 1);
            double z = s.body(object, 2);
            return Math.abs(dx) < 0.075 && dy > -0.078 && dy < 0.065 && z > 0.015 && z < 0.07 && !s.gripClosed()
                    && s.speed(object) < 0.1;
        }

        public void satisfy(Sim s) {
            park(s);
            s.setJoint("drawer", 0.13);
            s.forward();
            s.setFreeBody(object, s.body("drawer", 0), s.body("drawer", 1) - 0.05, 0.018 + halfHeight(object) + 0.002, 0);
            s.settle(100);
        }

        public void nearMiss(Sim s) {
            // on the table just in front of the open drawer
            park(s);
            s.setJoint("drawer", 0.13);
            s.forward();
            s.setFreeBody(object, s.body("drawer", 0), s.body("drawer", 1) - 0.2, halfHeight(object) + 0.001, 0);
            s.settle(100);
        }

        public String describe() {
            return object + " in drawer";
        }

        public List<Goal> stages() {
            return List.of(new DrawerOpen(), new Held(object), this);
        }
    }

    /** All of the parts (a long-horizon task). Its near miss meets all parts but the last. */
    record All(List<Goal> parts) implements Goal {
        public All {
            parts = List.copyOf(parts);
        }

        public boolean test(Sim s) {
            for (Goal g : parts) if (!g.test(s)) return false;
            return true;
        }

        public void satisfy(Sim s) {
            for (Goal g : parts) g.satisfy(s);
        }

        public void nearMiss(Sim s) {
            for (int i = 0; i < parts.size() - 1; i++) parts.get(i).satisfy(s);
            parts.getLast().nearMiss(s);
        }

        public String describe() {
            return String.join(" and ", parts.stream().map(Goal::describe).toList());
        }

        public List<Goal> stages() {
            return parts.stream().flatMap(g -> g.stages().stream()).toList();
        }
    }
}
