package dev.vlarl.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class TensorLeakTest {
    /** Resident memory may grow by at most this much over 10,000 x 1 MiB create/close cycles. */
    static final long RSS_BOUND_BYTES = 64L << 20;

    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void tenThousandOneMebibyteTensorsAreCreatedAndClosedWithoutGrowth() throws IOException {
        long javaBefore = ResourceTracker.live();
        long nativeBefore = Torch.liveNativeTensors();
        // Warm up the allocator so that its first arenas are not counted as growth.
        for (int i = 0; i < 100; i++) {
            try (Tensor t = Tensor.zeros(DType.FLOAT32, 256, 1024)) {
                t.affine_(1, 1);
            }
        }
        long rssBefore = residentBytes();
        for (int i = 0; i < 10_000; i++) {
            try (Tensor t = Tensor.zeros(DType.FLOAT32, 256, 1024)) { // 1 MiB of libtorch memory
                t.affine_(1, i);
            }
        }
        long grown = residentBytes() - rssBefore;
        assertEquals(javaBefore, ResourceTracker.live(), "Java-side live handles");
        assertEquals(nativeBefore, Torch.liveNativeTensors(), "shim-side live tensors");
        assertTrue(grown < RSS_BOUND_BYTES, "resident memory grew by " + (grown >> 20) + " MiB (bound "
                + (RSS_BOUND_BYTES >> 20) + " MiB) over 10,000 1 MiB tensors");
    }
}
