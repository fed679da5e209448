package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Auxiliary targets read off a demonstration: where the gripper's next grip event happens - the
 * grip command changing, a grasp or a release - relative to the gripper at observation t, in
 * centimetres (x, y, z). Before a pick that is where the object stands, before a place where it
 * goes: exactly what the policy has to read from the image, and what the token loss alone does
 * not make a small base learn (it learns the arrangement's mean position instead).
 *
 * <p>The event's position is the recorded gripper position at the start of the observation in
 * which the command changes, plus the commanded displacements of that observation's actions
 * before the change ({@link DemoSet#maxStepMetres} per unit action); the gripper is position-controlled,
 * so this is its position to a few millimetres. Episodes with no event after t (a push, a button
 * press, or a finished pick-and-place) give no target.
 */
public final class GripEvents {
    /** Numbers per target: dx, dy, dz in cm. */
    public static final int DIMS = 3;

    private final DemoSet demos;
    private final MemorySegment scratch;

    /**
     * @param scratch float32[{@link EnvSpec#STATE_DIM}] the caller owns (states are read into it)
     */
    public GripEvents(DemoSet demos, MemorySegment scratch) {
        if (scratch.byteSize() < (long) EnvSpec.STATE_DIM * Float.BYTES)
            throw new IllegalArgumentException("scratch must hold " + EnvSpec.STATE_DIM + " floats");
        this.demos = demos;
        this.scratch = scratch;
    }

    /**
     * Writes the offset (cm) from observation t's gripper to the next grip event of episode e
     * into {@code out[0..2]}; false (and {@code out} untouched) if the episode has none after t.
     */
    public boolean next(int e, int t, float[] out) {
        demos.state(e, t, scratch);
        float x0 = f(0), y0 = f(1), z0 = f(2);
        boolean closed = f(7) > 0;  // the grip command in force at t
        double maxStepCm = demos.maxStepMetres(e) * 100;
        for (int tt = t; tt < demos.length(e); tt++) {
            if (tt > t) demos.state(e, tt, scratch);
            double x = f(0) * 100.0, y = f(1) * 100.0, z = f(2) * 100.0;
            for (int k = 0; k < demos.actions(e, tt); k++) {
                if ((demos.action(e, tt, k, 3) > 0) != closed) {
                    out[0] = (float) (x - x0 * 100.0);
                    out[1] = (float) (y - y0 * 100.0);
                    out[2] = (float) (z - z0 * 100.0);
                    return true;
                }
                x += maxStepCm * clamp(demos.action(e, tt, k, 0));
                y += maxStepCm * clamp(demos.action(e, tt, k, 1));
                z += maxStepCm * clamp(demos.action(e, tt, k, 2));
            }
        }
        return false;
    }

    private float f(int i) {
        return scratch.getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    private static double clamp(float a) {
        return a != a ? 0 : Math.max(-1, Math.min(1, a));
    }
}
