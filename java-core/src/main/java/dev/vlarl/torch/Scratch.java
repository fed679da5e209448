package dev.vlarl.torch;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread off-heap scratch for out-parameters of native calls (a returned handle, a
 * shape), so that small calls allocate nothing. Callers read what they need before the
 * next call on the same thread.
 */
final class Scratch {
    static final long BYTES = 4096;
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.global().allocate(BYTES, 64));

    private Scratch() {}

    static MemorySegment get() {
        return SCRATCH.get();
    }
}
