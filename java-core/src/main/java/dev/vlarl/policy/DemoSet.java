package dev.vlarl.policy;

import java.lang.foreign.MemorySegment;

/**
 * Recorded demonstrations as the policy trains on them: episodes of observations and the
 * expert's actions. Implemented over the simulation suite's demo files and by
 * {@link SyntheticDemos} (same shapes, a learnable mapping) for tests.
 *
 * <p>Step t of an episode: image {@code uint8[H, W, 3]}, state {@code float32[8]}, action
 * {@code float32[4]} in the environment's units ([-1, 1], see EnvSpec).
 */
public interface DemoSet {
    int episodes();

    /** The task name ("suite/task") of episode e. */
    String task(int e);

    String instruction(int e);

    /** Steps (actions) in episode e. */
    int length(int e);

    /** Writes the image of step t, uint8[H, W, 3], into dst. */
    void image(int e, int t, MemorySegment dst);

    /** Writes the state of step t, float32[8], into dst. */
    void state(int e, int t, MemorySegment dst);

    /** Action component d of step t. */
    float action(int e, int t, int d);

    /** Image side the episodes were rendered at. */
    int imageSide();
}
