package dev.vlarl.bindings;

/**
 * A vlarl kernel (CPU: libvlarl_kernels, CUDA: vlarl_kernels.fatbin) reported an error.
 * For {@link #NUMERIC} (a NaN or Inf logit) and token-range errors {@link #row()} is the
 * first offending row of the batch, else -1.
 */
public class KernelException extends NativeException {
    private static final long serialVersionUID = 1L;

    private final long row;

    public KernelException(int status, String message, long row) {
        super(status, message);
        this.row = row;
    }

    /** The first bad row (token index in the batch), or -1 when the error is not about a row. */
    public long row() {
        return row;
    }
}
