package dev.vlarl.env;

/** Where an environment's episode stands. */
public enum EpisodeStatus {
    /** Not reset yet. */
    IDLE,
    /** Still acting. */
    RUNNING,
    /** The task's success predicate held after an action. */
    SUCCESS,
    /** The step limit was reached without success. */
    TIMEOUT,
    /** The physics became unstable (NaN, or a MuJoCo warning that resets the state): a failure. */
    UNSTABLE;

    /** Whether the episode has ended. */
    public boolean done() {
        return this == SUCCESS || this == TIMEOUT || this == UNSTABLE;
    }
}
