package dev.vlarl.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts how many episodes reach each milestone of a task ({@link Goal#stages()}): ever (checked
 * whenever {@link #observe} is called, e.g. after each chunk) and at the episode's end. A
 * diagnostic for evaluation: a two-stage task at 45% may fail its first stage or its second.
 *
 * <p>It also records each episode's grasps: where the fingers were, relative to the object of
 * the pick being attempted, when they first closed near it (seen at the first observation with
 * the grip closed), and whether the object was then held. A missed grasp 3 cm beside its object
 * and one 5 mm off but knocked over are different failures.
 */
public final class StageTracker {
    /** One milestone's counts over the episodes tracked so far. */
    public record StageCount(String stage, int reached, int atEnd, int episodes) {}

    /**
     * The first closing of the fingers near an object a task picks: gripper minus object
     * position (m, table frame), whether the object was held afterwards, where the grasp point
     * was and where the object stood when the episode began ({@link #begin(BatchedEnv, int)};
     * NaN after {@link #begin()}).
     */
    public record Grasp(String object, double dx, double dy, double dz, boolean held, double handX, double handY, double startX,
            double startY) {
        /** Horizontal distance (m) between the grasp point and the object's centre. */
        public double lateral() {
            return Math.hypot(dx, dy);
        }
    }

    /** A close counts as a grasp of an object only within this horizontal distance (m) of it. */
    static final double GRASP_RADIUS = 0.10;

    private final List<Goal> stages;
    private final boolean[][] reached;
    private final int[] ever, atEnd;
    private final boolean[] wasClosed;
    private final Grasp[][] grasps;  // [env][stage]: the first grasp for each Held stage
    private final double[][][] start;  // [env][stage]: the Held stage's object at the episode's start (x, y)
    private int episodes;

    /** @param envs the batch size of the environments observed */
    public StageTracker(Task task, int envs) {
        this.stages = task.goal().stages();
        this.reached = new boolean[envs][stages.size()];
        this.ever = new int[stages.size()];
        this.atEnd = new int[stages.size()];
        this.wasClosed = new boolean[envs];
        this.grasps = new Grasp[envs][stages.size()];
        this.start = new double[envs][stages.size()][];
    }

    /** Starts a wave: no environment has reached anything yet. */
    public void begin() {
        for (boolean[] r : reached) java.util.Arrays.fill(r, false);
        for (Grasp[] g : grasps) java.util.Arrays.fill(g, null);
        for (double[][] st : start) java.util.Arrays.fill(st, null);
        java.util.Arrays.fill(wasClosed, false);
    }

    /** Starts a wave of freshly reset environments {@code 0..wave-1}, noting where each object to pick stands. */
    public void begin(BatchedEnv env, int wave) {
        begin();
        for (int i = 0; i < wave; i++)
            for (int k = 0; k < stages.size(); k++)
                if (stages.get(k) instanceof Goal.Held h) start[i][k] = new double[] {env.sim(i).body(h.object(), 0), env.sim(i).body(h.object(), 1)};
    }

    /** Marks the milestones environments {@code 0..wave-1} meet now, and their grasps. */
    public void observe(BatchedEnv env, int wave) {
        for (int i = 0; i < wave; i++) {
            Sim s = env.sim(i);
            boolean closed = s.gripClosed();
            if (closed && !wasClosed[i]) recordGrasp(i, s);
            wasClosed[i] = closed;
            for (int k = 0; k < stages.size(); k++) if (!reached[i][k] && stages.get(k).test(s)) reached[i][k] = true;
        }
    }

    // The pick being attempted: the first Held stage not reached yet whose earlier stages all are.
    private void recordGrasp(int i, Sim s) {
        for (int k = 0; k < stages.size(); k++) {
            if (reached[i][k]) continue;
            if (stages.get(k) instanceof Goal.Held h && grasps[i][k] == null) {
                double dx = s.hand(0) - s.body(h.object(), 0), dy = s.hand(1) - s.body(h.object(), 1);
                double[] st = start[i][k] != null ? start[i][k] : new double[] {Double.NaN, Double.NaN};
                if (Math.hypot(dx, dy) < GRASP_RADIUS)
                    grasps[i][k] = new Grasp(h.object(), dx, dy, s.hand(2) - s.body(h.object(), 2), false, s.hand(0), s.hand(1), st[0], st[1]);
            }
            return;
        }
    }

    /** Environment {@code i}'s grasps in the current (or just ended) wave, in stage order. */
    public List<Grasp> grasps(int i) {
        List<Grasp> out = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            Grasp g = grasps[i][k];
            if (g != null) out.add(new Grasp(g.object(), g.dx(), g.dy(), g.dz(), reached[i][k], g.handX(), g.handY(), g.startX(), g.startY()));
        }
        return out;
    }

    /** Ends a wave of {@code wave} episodes: counts what they reached and what holds at their end. */
    public void end(BatchedEnv env, int wave) {
        observe(env, wave);
        for (int i = 0; i < wave; i++) {
            Sim s = env.sim(i);
            for (int k = 0; k < stages.size(); k++) {
                if (reached[i][k]) ever[k]++;
                if (stages.get(k).test(s)) atEnd[k]++;
            }
        }
        episodes += wave;
    }

    /** How many milestones environment {@code i} reached in the current (or just ended) wave. */
    public int reached(int i) {
        int n = 0;
        for (boolean r : reached[i]) if (r) n++;
        return n;
    }

    /** The counts, in stage order. */
    public List<StageCount> counts() {
        List<StageCount> out = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) out.add(new StageCount(stages.get(k).describe(), ever[k], atEnd[k], episodes));
        return out;
    }

    /** One line: {@code stage reached/episodes -> stage ...}. */
    public static String summary(List<StageCount> counts) {
        StringBuilder b = new StringBuilder();
        for (StageCount c : counts) {
            if (!b.isEmpty()) b.append(" -> ");
            b.append(c.stage()).append(' ').append(c.reached()).append('/').append(c.episodes());
        }
        return b.toString();
    }
}
