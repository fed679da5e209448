package dev.vlarl.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON header of a {@code .vdemo} file.
 *
 * @param task task name {@code suite/task}
 * @param instruction the natural-language instruction the policy saw
 * @param seed the initial-state seed; replaying {@code actions} from it reproduces the episode
 * @param outcome how the episode ended: SUCCESS, TIMEOUT or UNSTABLE
 * @param reason one line on the outcome (the instability, or the step limit)
 * @param steps actions executed in all
 * @param chunks chunk records in the file
 * @param imageHeight H
 * @param imageWidth W
 * @param chunkLength K, actions per chunk when recorded
 * @param stateDim S
 * @param actionDim D
 * @param substepsPerAction physics steps per action
 * @param timestep physics timestep, seconds
 * @param maxStepMetres gripper displacement per action at |d| = 1
 * @param source who acted ("scripted-expert", "policy", ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoHeader(
        @JsonProperty("task") String task,
        @JsonProperty("instruction") String instruction,
        @JsonProperty("seed") long seed,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("steps") int steps,
        @JsonProperty("chunks") int chunks,
        @JsonProperty("image_height") int imageHeight,
        @JsonProperty("image_width") int imageWidth,
        @JsonProperty("chunk_length") int chunkLength,
        @JsonProperty("state_dim") int stateDim,
        @JsonProperty("action_dim") int actionDim,
        @JsonProperty("substeps_per_action") int substepsPerAction,
        @JsonProperty("timestep") double timestep,
        @JsonProperty("max_step_metres") double maxStepMetres,
        @JsonProperty("source") String source) {

    /** Whether the episode ended in success. */
    public boolean success() {
        return "SUCCESS".equals(outcome);
    }

    /** Bytes of one decoded frame. */
    public int imageBytes() {
        return imageHeight * imageWidth * 3;
    }
}
