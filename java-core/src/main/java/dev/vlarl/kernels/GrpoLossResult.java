package dev.vlarl.kernels;

/**
 * The scalars of one GRPO loss call.
 *
 * @param loss         token-mean clipped-ratio loss over valid tokens
 * @param clipFraction share of valid tokens where the clipped branch was strictly larger
 */
public record GrpoLossResult(double loss, double clipFraction) {}
