package dev.vlarl.bench;

import dev.vlarl.bindings.VlarlBench;
import dev.vlarl.bindings.VlarlTorch;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import dev.vlarl.torch.Torch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does it cost to hand a buffer of floats to libtorch, zero-copy from off-heap memory
 * versus copied out of a Java {@code float[]}? Every variant ends in the same libtorch op,
 * {@code sum()} over the whole buffer, so differences are the passing, not the work.
 *
 * <ul>
 *   <li>b01: the op alone, on a tensor wrapped once in setup (one downcall);</li>
 *   <li>b02: {@link Tensor#wrap} over off-heap memory per call (zero-copy), sum, close;</li>
 *   <li>b03: the float[] copied into a reused off-heap buffer per call, then b01's op;</li>
 *   <li>b04: the naive path: a fresh arena per call, copy, wrap, sum, close;</li>
 *   <li>b05: the copy alone (float[] into off-heap), so b03 - b01 reads off directly;</li>
 *   <li>b06/b07: one C call that does from_blob + sum + free: over off-heap memory, and over
 *       the float[] itself, pinned by {@code Linker.Option.critical(true)} (no copy).</li>
 * </ul>
 * libtorch runs on {@link #torchThreads} intra-op threads, fixed so that runs compare.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class TensorPassBenchmark {
    /** Buffer size in bytes (float32 elements = bytes / 4). */
    @Param({"4096", "1048576"})
    public int bytes;

    /** libtorch intra-op threads. */
    @Param({"1"})
    public int torchThreads;

    long n;
    float[] heap;
    MemorySegment heapSegment;
    Arena arena;
    MemorySegment offHeap;
    MemorySegment out;
    Tensor wrapped;

    @Setup(Level.Trial)
    public void setup() {
        if (bytes <= 0 || bytes % 4 != 0) throw new IllegalArgumentException("bytes must be a positive multiple of 4: " + bytes);
        if (System.getenv("GLIBC_TUNABLES") == null) {
            System.err.println("TensorPassBenchmark: GLIBC_TUNABLES is not set; run through ./vlarl bench for the project's malloc settings");
        }
        Torch.setNumThreads(torchThreads);
        n = bytes / 4;
        heap = new float[(int) n];
        for (int i = 0; i < n; i++) heap[i] = (i % 17) * 0.25f;
        heapSegment = MemorySegment.ofArray(heap);
        arena = Arena.ofConfined();
        offHeap = arena.allocate(bytes, 64);
        MemorySegment.copy(heap, 0, offHeap, ValueLayout.JAVA_FLOAT, 0, (int) n);
        out = arena.allocate(ValueLayout.JAVA_DOUBLE);
        wrapped = Tensor.wrap(offHeap, DType.FLOAT32, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wrapped.close();
        arena.close();
    }

    /** The exact sum of the buffer, for checks. */
    double expectedSum() {
        double s = 0;
        for (float v : heap) s += v;
        return s;
    }

    @Benchmark
    public void b00_baseline() {}

    @Benchmark
    public double b01_op_only() {
        VlarlTorch.check(VlarlTorch.vt_tensor_sum(wrapped.handle(), out));
        return out.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    @Benchmark
    public double b02_offheap_wrap() {
        try (Tensor t = Tensor.wrap(offHeap, DType.FLOAT32, n)) {
            return t.sum();
        }
    }

    @Benchmark
    public double b03_array_copy_reused() {
        MemorySegment.copy(heap, 0, offHeap, ValueLayout.JAVA_FLOAT, 0, (int) n);
        VlarlTorch.check(VlarlTorch.vt_tensor_sum(wrapped.handle(), out));
        return out.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    @Benchmark
    public double b04_array_copy_fresh() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment seg = a.allocate(bytes, 64);
            MemorySegment.copy(heap, 0, seg, ValueLayout.JAVA_FLOAT, 0, (int) n);
            try (Tensor t = Tensor.wrap(seg, DType.FLOAT32, n)) {
                return t.sum();
            }
        }
    }

    @Benchmark
    public float b05_copy_only() {
        MemorySegment.copy(heap, 0, offHeap, ValueLayout.JAVA_FLOAT, 0, (int) n);
        return offHeap.get(ValueLayout.JAVA_FLOAT, bytes - 4);
    }

    @Benchmark
    public double b06_one_call_offheap() {
        VlarlBench.checkTorch(VlarlBench.vb_torch_sum_f32(offHeap, n, out));
        return out.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    @Benchmark
    public double b07_one_call_heap_critical() {
        VlarlBench.checkTorch(VlarlBench.vb_torch_sum_f32_critical(heapSegment, n, out));
        return out.get(ValueLayout.JAVA_DOUBLE, 0);
    }
}
