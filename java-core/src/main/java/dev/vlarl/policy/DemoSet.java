package dev.vlarl.policy;

import java.lang.foreign.MemorySegment;

/**
 * Recorded demonstrations as the policy trains on them. Like the suite's {@code .vdemo}
 * files, an episode is a sequence of policy queries: observation t (image
 * {@code uint8[H, W, 3]}, state {@code float32[8]}) and the actions executed from it
 * ({@code 1..K} of them, {@code float32[4]} each, environment units in [-1, 1]).
 * Implemented over the suite's recordings ({@link VdemoSet}) and by {@link SyntheticDemos}
 * (same shapes, a learnable rule) for tests.
 */
public interface DemoSet {
    int episodes();

    /** The task name ("suite/task") of episode e. */
    String task(int e);

    String instruction(int e);

    /** Observations (policy queries) in episode e. */
    int length(int e);

    /** Writes the image of observation t, uint8[H, W, 3], into dst. */
    void image(int e, int t, MemorySegment dst);

    /** Writes the state of observation t, float32[8], into dst. */
    void state(int e, int t, MemorySegment dst);

    /** Actions executed from observation t (1..K). */
    int actions(int e, int t);

    /** Component d of action k (k &lt; actions(e, t)) executed from observation t. */
    float action(int e, int t, int k, int d);

    /** Gripper displacement (m) of episode e's actions at |d| = 1 (the recording's EnvSpec). */
    default double maxStepMetres(int e) {
        return dev.vlarl.env.EnvSpec.defaults().maxStepMetres();
    }

    /** Image side the episodes were rendered at. */
    int imageSide();
}
