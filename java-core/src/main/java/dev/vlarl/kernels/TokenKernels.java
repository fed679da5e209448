package dev.vlarl.kernels;

import dev.vlarl.torch.Tensor;

/**
 * The three token kernels the rollout and the GRPO trainer run over action-token logits
 * {@code float32[T, V]} (V = 256 bins), behind one interface so that callers (and their
 * tests) can run on any path:
 * <ul>
 *   <li>{@link FusedCpuKernels}: libvlarl_kernels, one pass per row, AVX-512 / AVX2 / scalar
 *       chosen at run time; the default on CPU (it is the faster one, see
 *       docs/results/kernels.md);</li>
 *   <li>{@link CompositeTorchKernels}: log_softmax / gather / exp / clamp / maximum / mean
 *       and autograd in libtorch, the reference ({@code -Dvlarl.kernels=composite});</li>
 *   <li>{@link CudaTokenKernels}: the CUDA kernels launched through the driver API, by
 *       Panama ({@link CudaTokenKernels#panama}) or JCuda ({@link CudaTokenKernels#jcuda}).</li>
 * </ul>
 * Every method works on the tensors' own memory (libtorch's, or off-heap memory wrapped by
 * a {@link Tensor}) with no copies, and allocates nothing per call beyond the loss's small
 * result record. Numerics are those of
 * kernels/vlarl_kernels.h ("Numerics"). An instance is meant for one thread at a time.
 *
 * <p>Shapes: logits float32[T, V]; tokens int64[T]; log-probs, old log-probs, advantages
 * float32[T]; mask bool or uint8 [T] (1 = valid); grad float32[T, V].
 */
public interface TokenKernels extends AutoCloseable {

    /** Short name of the path ("fused-cpu/avx512/2t", "composite", "cuda-panama", ...). */
    String name();

    /**
     * Samples one token per row from softmax(logits / temperature) into {@code tokens};
     * {@code logProbs} (may be null) gets each token's log-prob. The fused paths draw with
     * Philox4x32-10 at counter {@code offset + row} under key {@code seed} (same tokens on
     * CPU and GPU); advance {@code offset} by T per call.
     */
    void sample(Tensor logits, float temperature, long seed, long offset, Tensor tokens, Tensor logProbs);

    /** logProbs[t] = log softmax(logits[t] / temperature)[tokens[t]]. */
    void logProb(Tensor logits, Tensor tokens, float temperature, Tensor logProbs);

    /**
     * The GRPO clipped-ratio loss (token-mean over valid tokens) forward and backward in
     * one call: writes dLoss/dlogits into {@code grad} (masked rows exactly 0) and, when
     * not null, the new log-probs into {@code logProbs} (0 for masked rows).
     */
    GrpoLossResult grpoLoss(GrpoLossBatch batch, GrpoLossConfig config, Tensor grad, Tensor logProbs);

    /** Releases what the path holds (device memory, modules); tensors stay the caller's. */
    @Override
    void close();

    /** The path named by {@code -Dvlarl.kernels} ("fused" default, "composite", "cuda", "jcuda"). */
    static TokenKernels fromSystemProperty(int threads) {
        return create(KernelPath.parse(System.getProperty("vlarl.kernels", "fused")), threads);
    }

    /** A path by name; {@code threads} is used by the CPU paths (1 or 2 in vlarl). */
    static TokenKernels create(KernelPath path, int threads) {
        return switch (path) {
            case FUSED -> new FusedCpuKernels(threads);
            case COMPOSITE -> new CompositeTorchKernels(threads);
            case CUDA -> CudaTokenKernels.panama(0);
            case JCUDA -> CudaTokenKernels.jcuda(0);
        };
    }

    /** The selectable paths. */
    enum KernelPath {
        FUSED, COMPOSITE, CUDA, JCUDA;

        static KernelPath parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "fused", "fused-cpu", "cpu" -> FUSED;
                case "composite", "torch", "reference" -> COMPOSITE;
                case "cuda", "cuda-panama", "panama" -> CUDA;
                case "jcuda", "cuda-jcuda" -> JCUDA;
                default -> throw new IllegalArgumentException(
                        "unknown kernel path '" + s + "' (fused, composite, cuda, jcuda)");
            };
        }
    }
}
