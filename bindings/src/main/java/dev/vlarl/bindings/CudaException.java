package dev.vlarl.bindings;

/** A CUDA driver API call returned an error; {@link #cudaResult()} is its CUresult. */
public class CudaException extends NativeException {
    private static final long serialVersionUID = 1L;

    private final int cudaResult;

    public CudaException(int cudaResult, String message) {
        super(BACKEND, message);
        this.cudaResult = cudaResult;
    }

    /** The CUresult code (cuda.h). */
    public int cudaResult() {
        return cudaResult;
    }
}
