package dev.vlarl.kernels;

import dev.vlarl.bindings.CudaDriver;
import dev.vlarl.bindings.KernelException;
import dev.vlarl.bindings.NativeException;
import dev.vlarl.kernels.CudaLauncher.Kernel;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The CUDA kernels (kernels/cuda/vk_kernels.cu, loaded from vlarl_kernels.fatbin) behind
 * {@link TokenKernels}. Tensors must live on the device: their {@link Tensor#data()}
 * addresses are passed to the kernels as device pointers (libtorch CUDA tensors, e.g.
 * from {@link CudaTensors#toDevice}). One warp per row; V must be a multiple of 32 and at
 * most 256.
 *
 * <p>The {@link TokenKernels} methods launch on the launcher's stream and then read the
 * small device-side bookkeeping block back (one stream synchronisation) to report NaN/Inf
 * rows and, for the loss, the scalars; the {@code *Async} variants only launch, and
 * {@link #check()} does the read-back when the caller wants it. {@link #panama} launches through dev.vlarl.bindings.CudaDriver,
 * {@link #jcuda} through JCuda.
 */
public final class CudaTokenKernels implements TokenKernels {
    /** sizeof(struct vk_stats) in vk_kernels.cu: 7 eight-byte fields. */
    static final long STATS_BYTES = 56;
    private static final int OFF_BAD_ROW = 24, OFF_BAD_TOKEN = 32, OFF_LOSS = 40, OFF_CLIP = 48;
    private static final int WARPS = 8, BLOCK = 32 * WARPS;

    private final CudaLauncher launcher;
    private final long stats;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment host;
    private boolean closed;

    private CudaTokenKernels(CudaLauncher launcher) {
        this.launcher = launcher;
        try {
            this.stats = launcher.malloc(STATS_BYTES);
        } catch (RuntimeException e) {
            launcher.close();
            arena.close();
            throw e;
        }
        this.host = arena.allocate(STATS_BYTES, 8);
    }

    /** Launching through Panama (CUDA driver API on libcuda.so.1). */
    public static CudaTokenKernels panama(int device) {
        return new CudaTokenKernels(new PanamaCudaLauncher(device));
    }

    /** Launching through JCuda. */
    public static CudaTokenKernels jcuda(int device) {
        return new CudaTokenKernels(new JCudaLauncher(device));
    }

    /** Null when the Panama path can run here, else why not (no libcuda, no device). */
    public static String panamaUnavailableReason() {
        return CudaDriver.unavailableReason();
    }

    /** Null when the JCuda path can run here, else why not. */
    public static String jcudaUnavailableReason() {
        return JCudaLauncher.unavailableReason();
    }

    @Override
    public String name() {
        return launcher.name();
    }

    /** Whether launches go to libtorch's current CUDA stream (else the default stream). */
    public boolean onTorchStream() {
        return launcher instanceof PanamaCudaLauncher p && p.onTorchStream();
    }

    private static int vocab(Tensor logits) {
        int v = Checks.vocab(logits);
        if (v % 32 != 0 || v > 256) {
            throw new IllegalArgumentException("the CUDA kernels need V a multiple of 32 and <= 256, got " + v);
        }
        return v;
    }

    private static int grid(long t) {
        long g = (t + WARPS - 1) / WARPS;
        if (g > Integer.MAX_VALUE) throw new IllegalArgumentException("too many rows: " + t);
        return (int) Math.max(g, 1);
    }

    private static long addr(Tensor t) {
        return t == null ? 0L : t.data().address();
    }

    private void reset() {
        ensureOpen();
        launcher.makeCurrent();
        launcher.arg(Kernel.STATS_RESET, 0, stats);
        launcher.launch(Kernel.STATS_RESET, 1, 1);
    }

    /** Reads the bookkeeping back (synchronises the stream) and throws for flagged rows. */
    private void finish(String what) {
        launcher.readBack(stats, host, STATS_BYTES);
        long badToken = host.get(ValueLayout.JAVA_LONG, OFF_BAD_TOKEN);
        long badRow = host.get(ValueLayout.JAVA_LONG, OFF_BAD_ROW);
        if (badToken != -1L) {
            throw new KernelException(NativeException.INVALID_ARGUMENT,
                    what + ": token out of range at row " + badToken, badToken);
        }
        if (badRow != -1L) {
            throw new KernelException(NativeException.NUMERIC,
                    what + ": non-finite logit (NaN or Inf) in row " + badRow, badRow);
        }
    }

    @Override
    public void sample(Tensor logits, float temperature, long seed, long offset, Tensor tokens, Tensor logProbs) {
        sampleAsync(logits, temperature, seed, offset, tokens, logProbs);
        finish("sample");
    }

    /** {@link #sample} without waiting: launches only; errors surface at the next {@link #check()}. */
    public void sampleAsync(Tensor logits, float temperature, long seed, long offset, Tensor tokens, Tensor logProbs) {
        Checks.logits(logits);
        long t = logits.size(0);
        Checks.vector(tokens, t, DType.INT64, "tokens");
        if (logProbs != null) Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        checkTemperature(temperature);
        int v = vocab(logits);
        reset();
        if (t > 0) {
            Kernel k = Kernel.SAMPLE;
            launcher.arg(k, 0, addr(logits));
            launcher.arg(k, 1, t);
            launcher.arg(k, 2, v);
            launcher.arg(k, 3, Float.floatToRawIntBits(1.0f / temperature));
            launcher.arg(k, 4, seed);
            launcher.arg(k, 5, offset);
            launcher.arg(k, 6, addr(tokens));
            launcher.arg(k, 7, addr(logProbs));
            launcher.arg(k, 8, stats);
            launcher.launch(k, grid(t), BLOCK);
        }
    }

    @Override
    public void logProb(Tensor logits, Tensor tokens, float temperature, Tensor logProbs) {
        logProbAsync(logits, tokens, temperature, logProbs);
        finish("logProb");
    }

    /** {@link #logProb} without waiting. */
    public void logProbAsync(Tensor logits, Tensor tokens, float temperature, Tensor logProbs) {
        Checks.logits(logits);
        long t = logits.size(0);
        Checks.vector(tokens, t, DType.INT64, "tokens");
        Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        checkTemperature(temperature);
        int v = vocab(logits);
        reset();
        if (t > 0) {
            Kernel k = Kernel.LOG_PROB;
            launcher.arg(k, 0, addr(logits));
            launcher.arg(k, 1, addr(tokens));
            launcher.arg(k, 2, t);
            launcher.arg(k, 3, v);
            launcher.arg(k, 4, Float.floatToRawIntBits(1.0f / temperature));
            launcher.arg(k, 5, addr(logProbs));
            launcher.arg(k, 6, stats);
            launcher.launch(k, grid(t), BLOCK);
        }
    }

    @Override
    public GrpoLossResult grpoLoss(GrpoLossBatch b, GrpoLossConfig c, Tensor grad, Tensor logProbs) {
        grpoLossAsync(b, c, grad, logProbs);
        return check();
    }

    /** {@link #grpoLoss} without waiting: the gradient is ready in stream order; {@link #check()} reads the scalars. */
    public void grpoLossAsync(GrpoLossBatch b, GrpoLossConfig c, Tensor grad, Tensor logProbs) {
        Checks.grad(grad, b.logits());
        long t = b.tokenCount();
        if (logProbs != null) Checks.vector(logProbs, t, DType.FLOAT32, "logProbs");
        int v = vocab(b.logits());
        reset();
        if (t > 0) {
            Kernel cv = Kernel.COUNT_VALID;
            launcher.arg(cv, 0, addr(b.mask()));
            launcher.arg(cv, 1, t);
            launcher.arg(cv, 2, stats);
            launcher.launch(cv, (int) Math.min(1024, (t + BLOCK - 1) / BLOCK), BLOCK);
            Kernel k = Kernel.GRPO_LOSS;
            launcher.arg(k, 0, addr(b.logits()));
            launcher.arg(k, 1, addr(b.tokens()));
            launcher.arg(k, 2, addr(b.oldLogProbs()));
            launcher.arg(k, 3, addr(b.advantages()));
            launcher.arg(k, 4, addr(b.mask()));
            launcher.arg(k, 5, t);
            launcher.arg(k, 6, v);
            launcher.arg(k, 7, Float.floatToRawIntBits(1.0f / c.temperature()));
            launcher.arg(k, 8, Float.floatToRawIntBits(c.clipLow()));
            launcher.arg(k, 9, Float.floatToRawIntBits(c.clipHigh()));
            launcher.arg(k, 10, addr(grad));
            launcher.arg(k, 11, addr(logProbs));
            launcher.arg(k, 12, stats);
            launcher.launch(k, grid(t), BLOCK);
            launcher.arg(Kernel.GRPO_FINISH, 0, stats);
            launcher.launch(Kernel.GRPO_FINISH, 1, 1);
        }
    }

    /**
     * Waits for the last call's work, throws for flagged rows (NaN/Inf, token range) and
     * returns the loss scalars of the last GRPO call (zeros after sample / logProb).
     */
    public GrpoLossResult check() {
        finish("kernel");
        return new GrpoLossResult(host.get(ValueLayout.JAVA_DOUBLE, OFF_LOSS), host.get(ValueLayout.JAVA_DOUBLE, OFF_CLIP));
    }

    /** dst = src * scale on the device (float32, numel a multiple of 4): the bandwidth bound. */
    public void streamScale(Tensor src, Tensor dst, float scale) {
        long n = src.numel();
        if (n != dst.numel() || n % 4 != 0) throw new IllegalArgumentException("streamScale needs equal sizes, multiple of 4");
        ensureOpen();
        launcher.makeCurrent();
        Kernel k = Kernel.STREAM_SCALE;
        launcher.arg(k, 0, addr(src));
        launcher.arg(k, 1, addr(dst));
        launcher.arg(k, 2, n / 4);
        launcher.arg(k, 3, Float.floatToRawIntBits(scale));
        launcher.launch(k, (int) Math.min(65535, (n / 4 + BLOCK - 1) / BLOCK), BLOCK);
    }

    /** The cheapest launch (one thread resetting the bookkeeping), for launch-overhead timing. */
    public void launchEmpty() {
        launcher.arg(Kernel.STATS_RESET, 0, stats);
        launcher.launch(Kernel.STATS_RESET, 1, 1);
    }

    /** Waits for all launched work. */
    public void synchronize() {
        launcher.synchronize();
    }

    /** Device-to-device copy of {@code bytes} (Panama path only): the copy-bandwidth reference. */
    public void copy(Tensor dst, Tensor src, long bytes) {
        if (!(launcher instanceof PanamaCudaLauncher p)) throw new UnsupportedOperationException("Panama path only");
        p.copyDeviceToDevice(addr(dst), addr(src), bytes);
    }

    /** Device milliseconds of {@code work} by CUDA events (Panama path only). */
    public float timeMs(Runnable work) {
        if (!(launcher instanceof PanamaCudaLauncher p)) throw new UnsupportedOperationException("Panama path only");
        return p.timeMs(work);
    }

    private static void checkTemperature(float temperature) {
        if (!(temperature > 0f) || !Float.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("CudaTokenKernels is closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            launcher.makeCurrent();
            launcher.free(stats);
        } finally {
            launcher.close();
            arena.close();
        }
    }
}
