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

    /**
     * Copies each row's first {@code dst.chunkLength()} actions into {@code dst} (off-heap, no
     * Java arrays): the prefix an environment executes before the policy looks again.
     */
    public void copyPrefixTo(ActionChunk dst) {
        if (dst.size != size) throw new IllegalArgumentException("prefix chunk has " + dst.size + " rows, this one " + size);
        if (dst.chunkLength > chunkLength)
            throw new IllegalArgumentException("prefix of " + dst.chunkLength + " actions from a chunk of " + chunkLength);
        long rowBytes = (long) dst.chunkLength * EnvSpec.ACTION_DIM * Float.BYTES;
        for (int i = 0; i < size; i++) MemorySegment.copy(data, index(i, 0, 0) * Float.BYTES, dst.data, dst.index(i, 0, 0) * Float.BYTES, rowBytes);
    }

    private long index(int env, int step, int dim) {
        return ((long) env * chunkLength + step) * EnvSpec.ACTION_DIM + dim;
    }

    @Override
    public void close() {
        arena.close();
    }
}
