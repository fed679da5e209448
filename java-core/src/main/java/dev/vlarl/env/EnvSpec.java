package dev.vlarl.env;

/**
 * The contract between environments and the policy: what an observation holds, what an
 * action chunk means, and at which rate actions are applied. Both sides import this.
 *
 * <h2>Observation (one per environment, per action chunk)</h2>
 * <ul>
 *   <li>image {@code uint8[N, H, W, 3]}, RGB, row 0 at the top (MuJoCo reads bottom-up;
 *       the renderer flips in native code, never through Java arrays); default 128 x 128.</li>
 *   <li>state {@code float32[N, S]}, S = {@value #STATE_DIM}, in this order:
 *       {@code [0..2]} gripper position x, y, z in the table frame (m);
 *       {@code [3..5]} gripper linear velocity (m/s);
 *       {@code [6]} finger opening (m, 0 = closed);
 *       {@code [7]} grip command in force (-1 open, +1 closed).</li>
 *   <li>instruction: natural-language text, and the task's name {@code suite/task}.</li>
 * </ul>
 *
 * <h2>Action chunk</h2>
 * {@code float32[N, K, D]}, D = {@value #ACTION_DIM}: {@code (dx, dy, dz, grip)}, each in [-1, 1].
 * dx, dy, dz scale to a gripper displacement of at most {@link #maxStepMetres} per action;
 * grip is binarised by the environment (&gt; 0 closes, otherwise opens). Each action is held for
 * {@link #substepsPerAction} physics steps of {@link #timestep} seconds, so the control rate is
 * {@code 1 / (substepsPerAction * timestep)} Hz. Default K = {@value #DEFAULT_CHUNK}.
 *
 * @param imageHeight H, pixels
 * @param imageWidth W, pixels
 * @param chunkLength K, actions per chunk (one policy forward per chunk)
 * @param substepsPerAction physics steps each action is held for
 * @param timestep physics timestep, seconds
 * @param maxStepMetres gripper displacement per action at |d| = 1, metres
 */
public record EnvSpec(int imageHeight, int imageWidth, int chunkLength, int substepsPerAction, double timestep,
        double maxStepMetres) {

    /** S: robot state floats per environment. */
    public static final int STATE_DIM = 8;
    /** D: action dimensions (dx, dy, dz, grip). */
    public static final int ACTION_DIM = 4;
    /** Image channels (RGB). */
    public static final int CHANNELS = 3;
    /** Default K. */
    public static final int DEFAULT_CHUNK = 8;

    public EnvSpec {
        if (imageHeight <= 0 || imageWidth <= 0) throw new IllegalArgumentException("image size must be positive");
        if (chunkLength <= 0) throw new IllegalArgumentException("chunk length must be positive");
        if (substepsPerAction <= 0 || timestep <= 0) throw new IllegalArgumentException("bad control rate");
    }

    /** 128 x 128 images, K = 8, 10 substeps of 2 ms (50 Hz control), 2 cm per action. */
    public static EnvSpec defaults() {
        return new EnvSpec(128, 128, DEFAULT_CHUNK, 10, 0.002, 0.02);
    }

    /** Control rate in Hz. */
    public double controlHz() {
        return 1.0 / (substepsPerAction * timestep);
    }

    /** Bytes of one image. */
    public long imageBytes() {
        return (long) imageHeight * imageWidth * CHANNELS;
    }
}
