package dev.vlarl.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.env.EnvSpec;
import org.junit.jupiter.api.Test;

/** Every benchmark method runs once and does what it says (measures nothing). */
class EnvStepBenchmarkTest {
    @Test
    void benchmarksRun() {
        EnvStepBenchmark b = new EnvStepBenchmark();
        b.n = 2;
        b.setup();
        try {
            int steps = b.b00_physics();
            assertEquals(EnvSpec.DEFAULT_CHUNK, steps, "one chunk of actions per invocation");
            assertEquals(2 * EnvSpec.DEFAULT_CHUNK, b.b00_physics());
            b.b01_render();
            long nonZero = 0;
            var img = b.env.observations().image(1);
            for (long i = 0; i < img.byteSize(); i++) if (img.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) != 0) nonZero++;
            assertTrue(nonZero > img.byteSize() / 2, "rendered image is mostly empty");
            assertEquals(0, b.b02_tiny());
        } finally {
            b.tearDown();
        }
    }
}
