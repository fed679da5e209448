package dev.vlarl.policy;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.ObservationBatch;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A trained policy for robot loops: base, task adapters, instruction and action tokenizers
 * (with the normalisation bounds), loaded from a bundle directory without the simulator or
 * the trainer. One call decodes one action chunk from one observation:
 *
 * {@snippet :
 * try (Policy policy = Policy.load(Path.of("runs/sft/bundle"));
 *         ObservationBatch obs = new ObservationBatch(EnvSpec.defaults(), 1)) {
 *     obs.setEpisode(0, "suite/pick_cube", "pick up the red cube");
 *     while (running) {
 *         camera.renderInto(obs.image(0));          // uint8[128, 128, 3], in place
 *         robot.readStateInto(obs.state(0));        // float32[8]
 *         ActionChunk chunk = policy.act(obs, 0);   // greedy; reused buffer, valid until the next call
 *         for (int k = 0; k < chunk.chunkLength(); k++) robot.apply(chunk, 0, k);
 *     }
 * }
 * }
 *
 * <h2>Allocation</h2>
 * After the first call for an {@link ObservationBatch} (warm-up: tensors wrapping its rows in
 * place, the instruction's tokens), {@link #act} allocates nothing on the Java heap: the image and
 * state are read where the renderer wrote them, tokens go into a buffer owned by the policy,
 * and the chunk is de-tokenised into a reused {@link ActionChunk}. A new instruction string for a
 * row is tokenised once.
 *
 * <h2>Thread safety</h2>
 * Calls are serialised (every public method is synchronized) because the decode buffers are
 * shared; for parallel inference use one Policy per thread (each loads its own copy) or the
 * batched {@link #actBatch}.
 *
 * <h2>Errors</h2>
 * A wrong image size, an unknown task, a NaN or infinite state value each throw
 * {@link IllegalArgumentException} naming the row and the problem before any native call.
 */
public final class Policy implements AutoCloseable {
    public static final String BASE_FILE = "policy" + PolicyFiles.BASE_SUFFIX;
    public static final String ADAPTER_DIR = "adapters";

    private final PolicyFiles.Loaded parts;
    private final PolicyConfig config;
    private final int k;
    private boolean baseFallback;
    private final boolean owner;
    private final Arena arena = Arena.ofShared();
    // Single-observation decode buffers.
    private final MemorySegment instr1, slot1, tokens1;
    private final Tensor instrT1, slotT1, tokensT1;
    private final ActionChunk chunk1;
    // Per-row cache for the ObservationBatch last seen: wrapped image/state rows, instruction.
    private ObservationBatch cachedBatch;
    private Tensor[] rowImages = new Tensor[0], rowStates = new Tensor[0];
    private String[] rowInstruction = new String[0];
    private int[][] rowTokens = new int[0][];
    // Batched buffers (grown on demand).
    private Arena batchArena;
    private Tensor batchImages, batchStates, batchInstr, batchSlots, batchTokens;
    private ObservationBatch batchOwner;

    private Policy(PolicyFiles.Loaded parts, boolean owner) {
        this.parts = parts;
        this.owner = owner;
        this.config = parts.model().config();
        this.k = config.chunk();
        instr1 = arena.allocate((long) config.maxInstruction() * Integer.BYTES, 64);
        slot1 = arena.allocate(Integer.BYTES, 64);
        tokens1 = arena.allocate((long) k * EnvSpec.ACTION_DIM * Integer.BYTES, 64);
        instrT1 = Tensor.wrap(instr1, DType.INT32, 1, config.maxInstruction());
        slotT1 = Tensor.wrap(slot1, DType.INT32, 1);
        tokensT1 = Tensor.wrap(tokens1, DType.INT32, 1, k, EnvSpec.ACTION_DIM);
        chunk1 = new ActionChunk(1, k);
    }

    /** Takes ownership of a loaded model and its tokenizers. */
    public static Policy of(PolicyFiles.Loaded parts) {
        return new Policy(parts, true);
    }

    /**
     * Acts with a model that stays someone else's (a trainer's, to validate it between
     * steps): closing this policy frees its own buffers, not the model.
     */
    public static Policy borrowing(PolicyFiles.Loaded parts) {
        return new Policy(parts, false);
    }

    /** Loads a bundle directory: {@value #BASE_FILE} and every adapter under {@value #ADAPTER_DIR}/. */
    public static Policy load(Path dir) {
        PolicyFiles.Loaded parts = PolicyFiles.loadBase(dir.resolve(BASE_FILE));
        try {
            Path ad = dir.resolve(ADAPTER_DIR);
            if (Files.isDirectory(ad)) {
                try (Stream<Path> s = Files.list(ad)) {
                    for (Path f : s.filter(p -> p.toString().endsWith(PolicyFiles.ADAPTER_SUFFIX)).sorted().toList())
                        PolicyFiles.loadAdapter(parts.model(), f);
                }
            }
            return new Policy(parts, true);
        } catch (IOException e) {
            parts.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** Writes a bundle directory (base file, one file per adapter), each file atomically. */
    public static void save(PolicyFiles.Loaded parts, Path dir) {
        PolicyFiles.saveBase(parts.model(), parts.words(), parts.actions(), dir.resolve(BASE_FILE));
        for (String t : parts.model().tasks())
            PolicyFiles.saveAdapter(parts.model(), t, dir.resolve(ADAPTER_DIR).resolve(PolicyFiles.fileName(t) + PolicyFiles.ADAPTER_SUFFIX));
    }

    public synchronized List<String> tasks() {
        return parts.model().tasks();
    }

    public PolicyConfig config() {
        return config;
    }

    public PolicyFiles.Loaded parts() {
        return parts;
    }

    /** Whether observations of tasks without an adapter run through the base alone (default: an error). */
    public synchronized void setBaseFallback(boolean on) {
        baseFallback = on;
    }

    private int slotOf(String task) {
        if (baseFallback && !parts.model().hasTask(task)) return -1;
        return parts.model().slot(task);
    }

    /** Seeds sampled decoding. */
    public synchronized void seed(long seed) {
        parts.model().seed(seed);
    }

    /** Greedy chunk for row {@code row} of {@code obs}; the returned chunk is reused by the next call. */
    public ActionChunk act(ObservationBatch obs, int row) {
        return act(obs, row, 0.0);
    }

    /**
     * The chunk for row {@code row} of {@code obs}: greedy when {@code temperature <= 0}, else sampled
     * at that temperature. Returns a policy-owned {@code float32[1, K, 4]} chunk, valid until the next call.
     */
    public synchronized ActionChunk act(ObservationBatch obs, int row, double temperature) {
        if (row < 0 || row >= obs.size()) throw new IllegalArgumentException("row " + row + " outside the batch of " + obs.size());
        bind(obs);
        checkRow(obs, row);
        slot1.set(ValueLayout.JAVA_INT, 0, slotOf(obs.task(row)));
        String text = obs.instruction(row);
        if (text != rowInstruction[row]) {
            rowTokens[row] = parts.words().encode(text, config.maxInstruction());
            rowInstruction[row] = text;
        }
        MemorySegment.copy(rowTokens[row], 0, instr1, ValueLayout.JAVA_INT, 0, config.maxInstruction());
        parts.model().act(rowImages[row], rowStates[row], instrT1, slotT1, temperature, tokensT1, null);
        detokenise(tokens1, 0, chunk1, 0);
        return chunk1;
    }

    /**
     * Chunks for every row of {@code obs} in one forward, into {@code out} (N rows, K steps);
     * each row through its own task's adapter.
     */
    public synchronized void actBatch(ObservationBatch obs, ActionChunk out, double temperature) {
        int n = obs.size();
        if (out.size() != n || out.chunkLength() != k)
            throw new IllegalArgumentException("output chunk is [" + out.size() + ", " + out.chunkLength() + "], need [" + n + ", " + k + "]");
        bindBatch(obs);
        MemorySegment instr = batchInstr.data(), slots = batchSlots.data();
        for (int i = 0; i < n; i++) {
            checkRow(obs, i);
            slots.setAtIndex(ValueLayout.JAVA_INT, i, slotOf(obs.task(i)));
            String text = obs.instruction(i);
            if (text != rowInstruction[i]) {
                rowTokens[i] = parts.words().encode(text, config.maxInstruction());
                rowInstruction[i] = text;
            }
            // the destination offset is in bytes
            MemorySegment.copy(rowTokens[i], 0, instr, ValueLayout.JAVA_INT, (long) i * config.maxInstruction() * Integer.BYTES,
                    config.maxInstruction());
        }
        parts.model().act(batchImages, batchStates, batchInstr, batchSlots, temperature, batchTokens, null);
        for (int i = 0; i < n; i++) detokenise(batchTokens.data(), i, out, i);
    }

    /** The instruction token ids the last {@link #actBatch} handed the model for {@code row} (tests). */
    synchronized int[] lastBatchInstruction(int row) {
        int l = config.maxInstruction();
        return batchInstr.data().asSlice((long) row * l * Integer.BYTES, (long) l * Integer.BYTES).toArray(ValueLayout.JAVA_INT);
    }

    private void detokenise(MemorySegment tokens, int row, ActionChunk out, int outRow) {
        ActionTokenizer a = parts.actions();
        long base = (long) row * k * EnvSpec.ACTION_DIM;
        for (int s = 0; s < k; s++)
            for (int d = 0; d < EnvSpec.ACTION_DIM; d++)
                out.set(outRow, s, d, a.value(d, tokens.getAtIndex(ValueLayout.JAVA_INT, base + (long) s * EnvSpec.ACTION_DIM + d)));
    }

    private void checkRow(ObservationBatch obs, int row) {
        String task = obs.task(row);
        if (task == null) throw new IllegalArgumentException("observation row " + row + " has no task (call setEpisode)");
        if (!baseFallback && !parts.model().hasTask(task)) parts.model().slot(task);  // throws, naming the known tasks
        for (int i = 0; i < EnvSpec.STATE_DIM; i++) {
            float v = obs.state(row, i);
            if (!Float.isFinite(v))
                throw new IllegalArgumentException("observation row " + row + ": state[" + i + "] is " + v + " (must be finite)");
        }
    }

    private void checkSpec(ObservationBatch obs) {
        EnvSpec s = obs.spec();
        if (s.imageHeight() != config.image() || s.imageWidth() != config.image())
            throw new IllegalArgumentException("observation images are " + s.imageHeight() + "x" + s.imageWidth() + "; this policy takes "
                    + config.image() + "x" + config.image());
        // an environment may execute a prefix of each chunk (receding horizon), never more than K
        if (s.chunkLength() > k)
            throw new IllegalArgumentException("environment chunk length is " + s.chunkLength() + "; this policy decodes only " + k);
    }

    // Warm-up per ObservationBatch: wrap each row's image and state in place (no copies).
    private void bind(ObservationBatch obs) {
        if (obs == cachedBatch) return;
        checkSpec(obs);
        closeRows();
        int n = obs.size();
        rowImages = new Tensor[n];
        rowStates = new Tensor[n];
        for (int i = 0; i < n; i++) {
            rowImages[i] = Tensor.wrap(obs.image(i), DType.UINT8, 1, config.image(), config.image(), EnvSpec.CHANNELS);
            rowStates[i] = Tensor.wrap(obs.state(i), DType.FLOAT32, 1, EnvSpec.STATE_DIM);
        }
        ensureRowCache(n);
        cachedBatch = obs;
    }

    private void ensureRowCache(int n) {
        if (rowInstruction.length < n) {
            rowInstruction = new String[n];
            rowTokens = new int[n][];
        }
    }

    private void bindBatch(ObservationBatch obs) {
        if (obs == batchOwner) return;
        checkSpec(obs);
        closeBatch();
        int n = obs.size();
        batchArena = Arena.ofShared();
        batchImages = Tensor.wrap(obs.images(), DType.UINT8, n, config.image(), config.image(), EnvSpec.CHANNELS);
        batchStates = Tensor.wrap(obs.states(), DType.FLOAT32, n, EnvSpec.STATE_DIM);
        batchInstr = Tensor.wrap(batchArena.allocate((long) n * config.maxInstruction() * Integer.BYTES, 64), DType.INT32, n, config.maxInstruction());
        batchSlots = Tensor.wrap(batchArena.allocate((long) n * Integer.BYTES, 64), DType.INT32, n);
        batchTokens = Tensor.wrap(batchArena.allocate((long) n * k * EnvSpec.ACTION_DIM * Integer.BYTES, 64), DType.INT32, n, k, EnvSpec.ACTION_DIM);
        ensureRowCache(n);
        // The row cache belongs to whichever batch was seen last.
        cachedBatch = null;
        batchOwner = obs;
    }

    private void closeRows() {
        for (Tensor t : rowImages) t.close();
        for (Tensor t : rowStates) t.close();
        rowImages = new Tensor[0];
        rowStates = new Tensor[0];
        java.util.Arrays.fill(rowInstruction, null);
    }

    private void closeBatch() {
        if (batchArena == null) return;
        for (Tensor t : new Tensor[] {batchImages, batchStates, batchInstr, batchSlots, batchTokens}) t.close();
        batchArena.close();
        batchArena = null;
        batchOwner = null;
        java.util.Arrays.fill(rowInstruction, null);
    }

    /** Tasks whose adapters this policy holds, as a printable list. */
    @Override
    public String toString() {
        return "Policy" + new ArrayList<>(tasks());
    }

    @Override
    public synchronized void close() {
        closeRows();
        closeBatch();
        for (Tensor t : new Tensor[] {instrT1, slotT1, tokensT1}) t.close();
        chunk1.close();
        arena.close();
        if (owner) parts.close();
    }
}
