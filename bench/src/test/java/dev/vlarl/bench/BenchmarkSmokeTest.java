package dev.vlarl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.Torch;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Each benchmark's state set up and every {@code @Benchmark} method invoked once, with its
 * result checked, so that a broken benchmark fails the build rather than a later JMH run.
 * Measures nothing.
 */
class BenchmarkSmokeTest {

    /** The class's @Benchmark methods in name order (b00, b01, ...). */
    private static List<Method> benchmarks(Class<?> cls) {
        List<Method> ms = new ArrayList<>();
        for (Method m : cls.getMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) ms.add(m);
        }
        ms.sort(Comparator.comparing(Method::getName));
        assertFalse(ms.isEmpty(), "no @Benchmark methods in " + cls.getSimpleName());
        return ms;
    }

    /** Invokes m on bench, passing the state objects its parameters ask for. */
    private static Object invoke(Method m, Object bench, Object... states) throws Exception {
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> want = m.getParameterTypes()[i];
            args[i] = Arrays.stream(states).filter(want::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError(m.getName() + " needs a state the test does not make: " + want));
        }
        try {
            return m.invoke(bench, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(m.getName() + " failed", e.getCause());
        }
    }

    @Test
    void downcallVariantsRunAndReadTheBuffer() throws Exception {
        DowncallBenchmark bench = new DowncallBenchmark();
        bench.setup();
        DowncallBenchmark.Buffer buf = new DowncallBenchmark.Buffer();
        buf.bytes = 64;
        buf.setup();
        try {
            assertTrue(buf.expected > 0);
            for (Method m : benchmarks(DowncallBenchmark.class)) {
                Object r = invoke(m, bench, buf);
                if (m.getReturnType() == long.class) {
                    assertEquals(buf.expected, (long) r, m.getName() + " summed the wrong bytes");
                }
            }
        } finally {
            buf.tearDown();
        }
    }

    @Test
    void tensorPassVariantsAllComputeTheSameSum() throws Exception {
        long tensorsBefore = Torch.liveNativeTensors();
        TensorPassBenchmark bench = new TensorPassBenchmark();
        bench.bytes = 4096;
        bench.torchThreads = 1;
        bench.setup();
        try {
            double expected = bench.expectedSum();
            assertTrue(expected > 0);
            for (Method m : benchmarks(TensorPassBenchmark.class)) {
                Object r = invoke(m, bench);
                if (m.getReturnType() == double.class) {
                    assertEquals(expected, (double) r, 1e-3 * expected, m.getName() + " computed a different sum");
                } else if (m.getReturnType() == float.class) {
                    assertEquals(bench.heap[bench.heap.length - 1], (float) r, m.getName() + " copied the wrong data");
                }
            }
        } finally {
            bench.tearDown();
        }
        assertEquals(tensorsBefore, Torch.liveNativeTensors(), "a benchmark variant leaked a tensor");
    }

    @Test
    void jmhHarnessRunsOneBenchmarkInProcess() throws RunnerException {
        // The annotation processor's generated code and BenchmarkList, run for a few ms.
        Options opts = new OptionsBuilder()
                .include(DowncallBenchmark.class.getName() + ".b02_ffm_noop$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .build();
        var results = new Runner(opts).run();
        assertEquals(1, results.size());
        RunResult r = results.iterator().next();
        assertTrue(r.getPrimaryResult().getScore() > 0);
    }
}
