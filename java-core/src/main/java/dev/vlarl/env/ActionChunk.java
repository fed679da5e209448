package dev.vlarl.env;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Off-heap action chunks {@code float32[N, K, D]} in [-1, 1] (see {@link EnvSpec}). */
public final class ActionChunk implements AutoCloseable {
    private final int size;
    private final int chunkLength;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment data;

    public ActionChunk(int size, int chunkLength) {
        if (size <= 0 || chunkLength <= 0) throw new IllegalArgumentException("sizes must be positive");
        this.size = size;
        this.chunkLength = chunkLength;
        this.data = arena.allocate((long) size * chunkLength * EnvSpec.ACTION_DIM * Float.BYTES, 64);
    }

    public int size() {
        return size;
    }

    public int chunkLength() {
        return chunkLength;
    }

    /** float32[N, K, D]. */
    public MemorySegment data() {
        return data;
    }

    public float get(int env, int step, int dim) {
        return data.getAtIndex(ValueLayout.JAVA_FLOAT, index(env, step, dim));
    }

    public void set(int env, int step, int dim, float value) {
        data.setAtIndex(ValueLayout.JAVA_FLOAT, index(env, step, dim), value);
    }

    private long index(int env, int step, int dim) {
        return ((long) env * chunkLength + step) * EnvSpec.ACTION_DIM + dim;
    }

    @Override
    public void close() {
        arena.close();
    }
}
