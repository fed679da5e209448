package dev.vlarl.env;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A scripted expert: a list of phases, each a target for the grasp point (re-evaluated
 * from the simulator state every action, so it follows objects) and a grip. It acts only
 * through the policy's action interface: one {@code (dx, dy, dz, grip)} in [-1, 1] per
 * control step, computed from the measured gripper position and velocity, with small
 * Gaussian noise on the motion.
 */
public final class ScriptedExpert {
    /** Where the grasp point should go, from the current state. */
    @FunctionalInterface
    public interface Target {
        void at(Sim s, double[] out);
    }

    /**
     * One phase.
     *
     * @param name for logs
     * @param target grasp-point target
     * @param closed grip during the phase
     * @param tol the phase is reached when every axis is within tol (m)
     * @param hold actions to stay within tol before moving on (grip changes need a few)
     * @param maxSteps actions after which the phase ends anyway
     * @param speed largest |action| component (1 = full 2 cm steps)
     * @param holds the object that must stay between the fingers during this phase, or null;
     *     when it is lost (dropped, or never grasped) the expert goes back to the phase
     *     {@code "hover " + holds} and picks it up again
     */
    public record Phase(String name, Target target, boolean closed, double tol, int hold, int maxSteps, double speed,
            String holds) {
        /** A phase that holds nothing. */
        public Phase(String name, Target target, boolean closed, double tol, int hold, int maxSteps, double speed) {
            this(name, target, closed, tol, hold, maxSteps, speed, null);
        }
    }

    /** Actions with the held object away from the fingers before the expert counts it lost. */
    static final int LOST_AFTER = 3;
    /** Re-grasps per episode at most (then it carries on, and the episode fails). */
    static final int MAX_RETRIES = 3;

    /** Servo lag compensation: the measured position trails the target by about velocity x this (s). */
    static final double LEAD = 0.04;
    static final double GAIN = 0.9;
    static final double NOISE = 0.04;

    private final List<Phase> phases;
    private final SplittableRandom rng;
    private final double[] t = new double[3];
    private final double[] a = new double[3];
    private int index;
    private int within;
    private int inPhase;
    private int lostFor;
    private int retries;

    ScriptedExpert(List<Phase> phases, SplittableRandom rng) {
        this.phases = List.copyOf(phases);
        this.rng = rng;
    }

    /** Goes back to the latest phase {@code "hover " + object} (or stays, if there is none). */
    private Phase restart(String object) {
        for (int j = index; j >= 0; j--) {
            if (phases.get(j).name().equals("hover " + object)) {
                index = j;
                within = inPhase = lostFor = 0;
                retries++;
                break;
            }
        }
        return phases.get(index);
    }

    /** Times the expert has gone back to pick up a lost object this episode. */
    public int retries() {
        return retries;
    }

    /** The object the current phase holds between the fingers, or null. */
    public String holding() {
        return finished() ? null : phases.get(index).holds();
    }

    /** Whether every phase has run. */
    public boolean finished() {
        return index >= phases.size();
    }

    /** Name of the current phase ("done" after the last). */
    public String phase() {
        return finished() ? "done" : phases.get(index).name();
    }

    /**
     * The next action for simulator state {@code s}.
     *
     * @param maxStep metres per unit action ({@link EnvSpec#maxStepMetres()})
     * @param out receives dx, dy, dz, grip at {@code out[offset..offset+3]}
     */
    public void act(Sim s, double maxStep, float[] out, int offset) {
        if (finished()) {
            Phase last = phases.getLast();
            out[offset] = out[offset + 1] = out[offset + 2] = 0;
            out[offset + 3] = last.closed() ? 1 : -1;
            return;
        }
        Phase p = phases.get(index);
        if (p.holds() != null && retries < MAX_RETRIES) {
            lostFor = Goal.between(s, p.holds()) ? 0 : lostFor + 1;
            if (lostFor >= LOST_AFTER) {
                p = restart(p.holds());
            }
        }
        p.target().at(s, t);
        double maxErr = 0;
        double[] a = this.a;
        double peak = 0;
        for (int i = 0; i < 3; i++) {
            double err = t[i] - s.hand(i);
            maxErr = Math.max(maxErr, Math.abs(err));
            a[i] = GAIN * (err - LEAD * s.handVel(i)) / maxStep;
            peak = Math.max(peak, Math.abs(a[i]));
        }
        double scale = peak > p.speed() ? p.speed() / peak : 1;
        for (int i = 0; i < 3; i++) {
            double v = a[i] * scale + NOISE * rng.nextGaussian();
            out[offset + i] = (float) Math.max(-1, Math.min(1, v));
        }
        out[offset + 3] = p.closed() ? 1 : -1;
        inPhase++;
        within = maxErr < p.tol() ? within + 1 : 0;
        if (within >= p.hold() || inPhase >= p.maxSteps()) {
            index++;
            within = 0;
            inPhase = 0;
        }
    }
}
