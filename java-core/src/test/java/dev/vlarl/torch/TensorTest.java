package dev.vlarl.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.NativeException;
import dev.vlarl.bindings.TorchException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakCheck.class)
class TensorTest {

    @Test
    void wrappedOffHeapBufferIsSeenByLibtorchAtTheSameAddress() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(ValueLayout.JAVA_FLOAT, 6);
            for (int i = 0; i < 6; i++) buf.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
            try (Tensor t = Tensor.wrap(buf, DType.FLOAT32, 2, 3)) {
                assertEquals(buf.address(), t.data().address(), "libtorch must use the Java buffer itself, not a copy");
                assertArrayEquals(new long[] {2, 3}, t.shape());
                assertEquals(15.0, t.sum(), 0.0);
                // Java writes, libtorch reads.
                buf.setAtIndex(ValueLayout.JAVA_FLOAT, 5, 100f);
                assertEquals(110.0, t.sum(), 0.0);
            }
        }
    }

    @Test
    void inPlaceTorchOpIsVisibleFromJava() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(ValueLayout.JAVA_FLOAT, 4);
            for (int i = 0; i < 4; i++) buf.setAtIndex(ValueLayout.JAVA_FLOAT, i, i + 1);
            try (Tensor t = Tensor.wrap(buf, DType.FLOAT32, 4)) {
                t.affine_(2.0, 0.5);
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(2f * (i + 1) + 0.5f, buf.getAtIndex(ValueLayout.JAVA_FLOAT, i));
            }
        }
    }

    @Test
    void shapeMismatchArrivesAsTypedExceptionWithLibtorchMessageAndNextCallWorks() {
        try (Tensor a = Tensor.zeros(DType.FLOAT32, 2, 3);
                Tensor b = Tensor.zeros(DType.FLOAT32, 4, 5)) {
            TorchException e = assertThrows(TorchException.class, () -> a.matmul(b));
            assertEquals(NativeException.BACKEND, e.status());
            // libtorch's own wording for a matmul mismatch.
            assertTrue(e.getMessage().contains("cannot be multiplied"), e.getMessage());
            assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("4x5"), e.getMessage());
            // The JVM is fine and so is the next call.
            try (Tensor c = Tensor.zeros(DType.FLOAT32, 3, 2).affine_(0, 1);
                    Tensor d = a.affine_(0, 1).matmul(c)) {
                assertArrayEquals(new long[] {2, 2}, d.shape());
                assertEquals(12.0, d.sum(), 0.0);
            }
        }
    }

    @Test
    void wrapRejectsTooSmallOrHeapMemory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(8);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(small, DType.FLOAT32, 4));
            assertTrue(e.getMessage().contains("needs 16"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Tensor.wrap(MemorySegment.ofArray(new float[4]), DType.FLOAT32, 4));
    }

    @Test
    void closedTensorRefusesUseAndCloseIsIdempotent() {
        Tensor t = Tensor.zeros(DType.INT64, 3);
        t.close();
        t.close();
        assertThrows(IllegalStateException.class, t::data);
    }

    @Test
    void scopeClosesWhatItOwnsNewestFirstAndNests() {
        long before = ResourceTracker.live();
        try (Scope outer = Scope.open()) {
            outer.attach(Tensor.zeros(DType.FLOAT32, 8));
            Scope inner = outer.child();
            Tensor early = inner.attach(Tensor.zeros(DType.FLOAT32, 8));
            inner.attach(Tensor.zeros(DType.FLOAT32, 8));
            early.close();
            assertEquals(1, inner.size());
            assertEquals(before + 2, ResourceTracker.live());
        }
        assertEquals(before, ResourceTracker.live());
    }
}
