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
 * slots {@code int32[B]}, targets {@code int32[B, K, D]} (action tokens); for a policy with an
 * auxiliary head ({@link PolicyConfig#aux()} = A &gt; 0) also aux targets {@code float32[B, A]}
 * and aux mask {@code float32[B]} (1: the row has a target).
 */
public final class TrainBatch implements AutoCloseable {
    private final int size;
    private final int imageSide;
    private final int maxInstruction;
    private final int chunk;
    private final Arena arena = Arena.ofShared();
    private final int aux;
    private final MemorySegment images, states, instructions, slotIds, targetTokens, auxTargets, auxMasks;
    private final Tensor image, state, instruction, slots, targets, auxTarget, auxMask;

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
        this.aux = c.aux();
        if (aux > 0) {
            auxTargets = arena.allocate((long) size * aux * Float.BYTES, 64);
            auxMasks = arena.allocate((long) size * Float.BYTES, 64);
            auxTarget = Tensor.wrap(auxTargets, DType.FLOAT32, size, aux);
            auxMask = Tensor.wrap(auxMasks, DType.FLOAT32, size);
        } else {
            auxTargets = auxMasks = null;
            auxTarget = auxMask = null;
        }
    }

    /** Whether the batch carries auxiliary targets (the policy has an auxiliary head). */
    public boolean hasAux() {
        return aux > 0;
    }

    /** Row {@code i}'s auxiliary target ({@code v[0..A)}), or none ({@code v == null}: masked out). */
    public void setAux(int i, float[] v) {
        if (aux == 0) throw new IllegalStateException("this batch has no auxiliary targets (the policy's aux is 0)");
        auxMasks.setAtIndex(ValueLayout.JAVA_FLOAT, i, v == null ? 0f : 1f);
        for (int k = 0; k < aux; k++) auxTargets.setAtIndex(ValueLayout.JAVA_FLOAT, (long) i * aux + k, v == null ? 0f : v[k]);
    }

    /** float32[B, A]; null without an auxiliary head. */
    public Tensor auxTarget() {
        return auxTarget;
    }

    /** float32[B]; null without an auxiliary head. */
    public Tensor auxMask() {
        return auxMask;
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
            for (Tensor t : new Tensor[] {image, state, instruction, slots, targets, auxTarget, auxMask}) if (t != null) t.close();
        } finally {
            arena.close();
        }
    }
}
