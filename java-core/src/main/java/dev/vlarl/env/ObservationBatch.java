package dev.vlarl.env;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Off-heap observation buffers for N environments, allocated once and rewritten in place
 * by the environments each chunk (see {@link EnvSpec} for layouts). The policy wraps
 * {@link #images()} and {@link #states()} as tensors without copying.
 */
public final class ObservationBatch implements AutoCloseable {
    private final EnvSpec spec;
    private final int size;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment images;
    private final MemorySegment states;
    private final String[] instructions;
    private final String[] tasks;

    public ObservationBatch(EnvSpec spec, int size) {
        if (size <= 0) throw new IllegalArgumentException("batch size must be positive");
        this.spec = spec;
        this.size = size;
        this.images = arena.allocate(spec.imageBytes() * size, 64);
        this.states = arena.allocate((long) EnvSpec.STATE_DIM * Float.BYTES * size, 64);
        this.instructions = new String[size];
        this.tasks = new String[size];
    }

    public EnvSpec spec() {
        return spec;
    }

    /** N. */
    public int size() {
        return size;
    }

    /** uint8[N, H, W, 3], row 0 at the top. */
    public MemorySegment images() {
        return images;
    }

    /** The image of environment i (a slice of {@link #images()}, no copy). */
    public MemorySegment image(int i) {
        return images.asSlice(spec.imageBytes() * i, spec.imageBytes());
    }

    /** float32[N, S]. */
    public MemorySegment states() {
        return states;
    }

    /** The state of environment i (a slice, no copy). */
    public MemorySegment state(int i) {
        return states.asSlice((long) EnvSpec.STATE_DIM * Float.BYTES * i, (long) EnvSpec.STATE_DIM * Float.BYTES);
    }

    public float state(int i, int k) {
        return states.getAtIndex(ValueLayout.JAVA_FLOAT, (long) EnvSpec.STATE_DIM * i + k);
    }

    public String instruction(int i) {
        return instructions[i];
    }

    public String task(int i) {
        return tasks[i];
    }

    /** Set by the environment when it (re)starts an episode. */
    public void setEpisode(int i, String task, String instruction) {
        tasks[i] = task;
        instructions[i] = instruction;
    }

    @Override
    public void close() {
        arena.close();
    }
}
