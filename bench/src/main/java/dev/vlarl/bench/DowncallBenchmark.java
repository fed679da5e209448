package dev.vlarl.bench;

import dev.vlarl.bindings.VlarlBench;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
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
 * What does one downcall cost? The same trivial C functions (native/jni/vlarl_bench.h)
 * called through JNI, through FFM, and through FFM linked with
 * {@code Linker.Option.critical}, next to an empty Java method.
 *
 * <ul>
 *   <li>b00..b06: a no-op, without and with two scalar arguments ({@code long, int}).</li>
 *   <li>b07..b11: summing a small buffer ({@link Buffer#bytes}), i.e. handing memory
 *       across: a direct ByteBuffer / a pinned byte[] for JNI, an off-heap segment for FFM,
 *       and a heap array passed straight through {@code critical(true)}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Thread)
public class DowncallBenchmark {
    // Non-final fields, so the arguments are loaded on every call rather than folded.
    long a = 42;
    int b = 7;

    @Setup(Level.Trial)
    public void setup() {
        // Load both libraries and link every handle before measuring.
        JniBench.noop();
        VlarlBench.vb_noop();
        VlarlBench.vb_noop_critical();
        VlarlBench.vb_noop_args(a, b);
        VlarlBench.vb_noop_args_critical(a, b);
    }

    @Benchmark
    public void b00_baseline() {}

    @Benchmark
    public void b01_jni_noop() {
        JniBench.noop();
    }

    @Benchmark
    public void b02_ffm_noop() {
        VlarlBench.vb_noop();
    }

    @Benchmark
    public void b03_ffm_critical_noop() {
        VlarlBench.vb_noop_critical();
    }

    @Benchmark
    public void b04_jni_args() {
        JniBench.noopArgs(a, b);
    }

    @Benchmark
    public void b05_ffm_args() {
        VlarlBench.vb_noop_args(a, b);
    }

    @Benchmark
    public void b06_ffm_critical_args() {
        VlarlBench.vb_noop_args_critical(a, b);
    }

    /** The same bytes in each of the forms a native call can be handed. */
    @State(Scope.Thread)
    public static class Buffer {
        /** Buffer length in bytes. */
        @Param({"64", "4096"})
        public int bytes;

        Arena arena;
        byte[] heap;
        MemorySegment heapSegment;
        MemorySegment offHeap;
        ByteBuffer direct;
        long expected;

        @Setup(Level.Trial)
        public void setup() {
            arena = Arena.ofConfined();
            heap = new byte[bytes];
            for (int i = 0; i < bytes; i++) heap[i] = (byte) (i * 31 + 7);
            heapSegment = MemorySegment.ofArray(heap);
            offHeap = arena.allocate(bytes, 64);
            MemorySegment.copy(heapSegment, 0, offHeap, 0, bytes);
            direct = offHeap.asByteBuffer();
            for (byte v : heap) expected += v & 0xff;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            arena.close();
        }
    }

    @Benchmark
    public long b07_jni_sum_direct(Buffer buf) {
        return JniBench.sumBytesDirect(buf.direct, buf.bytes);
    }

    @Benchmark
    public long b08_jni_sum_array(Buffer buf) {
        return JniBench.sumBytesArray(buf.heap, buf.bytes);
    }

    @Benchmark
    public long b09_ffm_sum_offheap(Buffer buf) {
        return VlarlBench.vb_sum_bytes(buf.offHeap, buf.bytes);
    }

    @Benchmark
    public long b10_ffm_critical_sum_offheap(Buffer buf) {
        return VlarlBench.vb_sum_bytes_critical(buf.offHeap, buf.bytes);
    }

    @Benchmark
    public long b11_ffm_critical_sum_heap(Buffer buf) {
        return VlarlBench.vb_sum_bytes_critical(buf.heapSegment, buf.bytes);
    }
}
