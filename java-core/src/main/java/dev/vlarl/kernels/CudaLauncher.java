package dev.vlarl.kernels;

import dev.vlarl.bindings.NativeLibraries;
import dev.vlarl.bindings.NativeLibraryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How {@link CudaTokenKernels} reaches the GPU: the CUDA driver API through Panama
 * ({@link PanamaCudaLauncher}) or through JCuda ({@link JCudaLauncher}). A launcher owns a
 * retained primary context, the loaded vlarl_kernels.fatbin module and one argument block
 * per kernel, filled in place before each launch (no allocation per launch on the Panama
 * path). One thread at a time.
 */
interface CudaLauncher extends AutoCloseable {
    /** Kinds of kernel arguments: 8-byte pointer or long, 4-byte int or float. */
    enum Arg { PTR, I64, I32, F32 }

    /** The kernels of kernels/cuda/vk_kernels.cu with their parameter lists. */
    enum Kernel {
        STATS_RESET("vk_stats_reset", Arg.PTR),
        SAMPLE("vk_sample_kernel", Arg.PTR, Arg.I64, Arg.I32, Arg.F32, Arg.I64, Arg.I64, Arg.PTR, Arg.PTR, Arg.PTR),
        LOG_PROB("vk_log_prob_kernel", Arg.PTR, Arg.PTR, Arg.I64, Arg.I32, Arg.F32, Arg.PTR, Arg.PTR),
        COUNT_VALID("vk_count_valid_kernel", Arg.PTR, Arg.I64, Arg.PTR),
        GRPO_LOSS("vk_grpo_loss_kernel", Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.I64, Arg.I32, Arg.F32,
                Arg.F32, Arg.F32, Arg.PTR, Arg.PTR, Arg.PTR),
        GRPO_FINISH("vk_grpo_finish", Arg.PTR),
        STREAM_SCALE("vk_stream_scale_kernel", Arg.PTR, Arg.PTR, Arg.I64, Arg.F32);

        final String symbol;
        final Arg[] args;

        Kernel(String symbol, Arg... args) {
            this.symbol = symbol;
            this.args = args;
        }
    }

    String name();

    /** Sets argument {@code i} of {@code k}: a pointer/long, or the raw bits of an int/float. */
    void arg(Kernel k, int i, long value);

    /** Launches {@code k} with its current arguments on the launcher's stream (1-D grid). */
    void launch(Kernel k, int gridX, int blockX);

    /** Makes the launcher's context current on the calling thread. */
    void makeCurrent();

    long malloc(long bytes);

    void free(long devicePtr);

    /** Waits for the stream, then copies {@code bytes} from the device into {@code host}. */
    void readBack(long devicePtr, java.lang.foreign.MemorySegment host, long bytes);

    void synchronize();

    @Override
    void close();

    /** The CUDA kernels built by the native build (build/native/lib/vlarl_kernels.fatbin). */
    static byte[] fatbin() {
        for (Path dir : NativeLibraries.searchPath()) {
            Path p = dir.resolve("vlarl_kernels.fatbin");
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new NativeLibraryException("cannot read " + p + ": " + e.getMessage(), e);
                }
            }
        }
        throw new NativeLibraryException("vlarl_kernels.fatbin not found in " + NativeLibraries.searchPath()
                + "; it is built by ./vlarl build where nvcc is installed");
    }
}
