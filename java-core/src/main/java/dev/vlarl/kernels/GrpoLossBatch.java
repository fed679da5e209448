package dev.vlarl.kernels;

import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;

/**
 * The inputs of the GRPO loss over T action tokens (views, not owned).
 *
 * @param logits       float32[T, V] current policy logits
 * @param tokens       int64[T] the sampled tokens
 * @param oldLogProbs  float32[T] log-probs of the rollout policy at the tokens (at the temperature)
 * @param advantages   float32[T] per-token advantage (GRPO: the trajectory's)
 * @param mask         bool or uint8 [T], 1 = valid token
 */
public record GrpoLossBatch(Tensor logits, Tensor tokens, Tensor oldLogProbs, Tensor advantages, Tensor mask) {
    public GrpoLossBatch {
        Checks.logits(logits);
        long t = logits.size(0);
        Checks.vector(tokens, t, DType.INT64, "tokens");
        Checks.vector(oldLogProbs, t, DType.FLOAT32, "oldLogProbs");
        Checks.vector(advantages, t, DType.FLOAT32, "advantages");
        Checks.mask(mask, t);
    }

    /** T. */
    public long tokenCount() {
        return logits.size(0);
    }
}
