package dev.vlarl.kernels;

/**
 * Settings of the GRPO clipped-ratio loss.
 *
 * @param temperature the rollout temperature the log-probs are taken at (reference: 1.6)
 * @param clipLow     ratio lower bound is 1 - clipLow (reference: 0.2)
 * @param clipHigh    ratio upper bound is 1 + clipHigh, "clip-higher" (reference: 0.28)
 */
public record GrpoLossConfig(float temperature, float clipLow, float clipHigh) {
    /** SimpleVLA-RL's values (docs: /work/shared/METHOD.md). */
    public static final GrpoLossConfig REFERENCE = new GrpoLossConfig(1.6f, 0.2f, 0.28f);

    public GrpoLossConfig {
        if (!(temperature > 0f) || !Float.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        if (!(clipLow >= 0f && clipLow < 1f) || !(clipHigh >= 0f) || !Float.isFinite(clipHigh)) {
            throw new IllegalArgumentException("need 0 <= clipLow < 1 and finite clipHigh >= 0, got "
                    + clipLow + ", " + clipHigh);
        }
    }
}
