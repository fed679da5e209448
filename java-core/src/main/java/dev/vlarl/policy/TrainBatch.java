package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Off-heap training batch, allocated once with its shapes and refilled in place each step;
 * the tensors wrap the buffers (no copies):
 * image {@code uint8[B, H, W, 3]}, state {@code float32[B, 8]}, instruction {@code int32[B, L]},
 * slots {@code int32[B]}, targets {@code int32[B, K, D]} (action tokens).
 */
public final class TrainBatch implements AutoCloseable {
    private final int size;
    private final int imageSide;
    private final int maxInstruction;
    private final int chunk;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment images, states, instructions, slotIds, targetTokens;
    private final Tensor image, state, instruction, slots, targets;

    public TrainBatch(int size, PolicyConfig c) {
        if (size <= 0) throw new IllegalArgumentException("batch size must be positive");
        this.size = size;
        this.imageSide = c.image();
        this.maxInstruction = c.maxInstruction();
        this.chunk = c.chunk();
        long img = (long) imageSide * imageSide * EnvSpec.CHANNELS;
        images = arena.allocate(img * size, 64);
        states = arena.allocate((long) size * EnvSpec.STATE_DIM * Float.BYTES, 64);
        instructions = arena.allocate((long) size * maxInstruction * Integer.BYTES, 64);
        slotIds = arena.allocate((long) size * Integer.BYTES, 64);
        targetTokens = arena.allocate((long) size * chunk * EnvSpec.ACTION_DIM * Integer.BYTES, 64);
        image = Tensor.wrap(images, DType.UINT8, size, imageSide, imageSide, EnvSpec.CHANNELS);
        state = Tensor.wrap(states, DType.FLOAT32, size, EnvSpec.STATE_DIM);
        instruction = Tensor.wrap(instructions, DType.INT32, size, maxInstruction);
        slots = Tensor.wrap(slotIds, DType.INT32, size);
        targets = Tensor.wrap(targetTokens, DType.INT32, size, chunk, EnvSpec.ACTION_DIM);
    }

    public int size() {
        return size;
    }

    /** Image height and width in pixels. */
    public int imageSide() {
        return imageSide;
    }

    /** Row {@code i}'s image bytes uint8[H, W, 3]. */
    public MemorySegment imageRow(int i) {
        long img = (long) imageSide * imageSide * EnvSpec.CHANNELS;
        return images.asSlice(img * i, img);
    }

    /** Row {@code i}'s state float32[8]. */
    public MemorySegment stateRow(int i) {
        return states.asSlice((long) i * EnvSpec.STATE_DIM * Float.BYTES, (long) EnvSpec.STATE_DIM * Float.BYTES);
    }

    public MemorySegment instructionRow(int i) {
        return instructions.asSlice((long) i * maxInstruction * Integer.BYTES, (long) maxInstruction * Integer.BYTES);
    }

    public void setSlot(int i, int slot) {
        slotIds.setAtIndex(ValueLayout.JAVA_INT, i, slot);
    }

    public void setTarget(int i, int step, int dim, int token) {
        targetTokens.setAtIndex(ValueLayout.JAVA_INT, ((long) i * chunk + step) * EnvSpec.ACTION_DIM + dim, token);
    }

    public Tensor image() {
        return image;
    }

    public Tensor state() {
        return state;
    }

    public Tensor instruction() {
        return instruction;
    }

    public Tensor slots() {
        return slots;
    }

    public Tensor targets() {
        return targets;
    }

    @Override
    public void close() {
        try {
            for (Tensor t : new Tensor[] {image, state, instruction, slots, targets}) t.close();
        } finally {
            arena.close();
        }
    }
}
