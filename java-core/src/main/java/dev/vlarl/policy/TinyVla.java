package dev.vlarl.policy;

import static dev.vlarl.bindings.VlarlPolicy.check;

import dev.vlarl.bindings.VlarlPolicy;
import dev.vlarl.torch.NativeResource;
import dev.vlarl.torch.Tensor;
import dev.vlarl.torch.TorchModule;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TinyVLA-style policy network (native module kind "tinyvla"): a shared base plus one
 * LoRA adapter per task. Shapes, B = batch:
 * <ul>
 *   <li>image {@code uint8[B, H, W, 3]}, state {@code float32[B, 8]},
 *       instruction {@code int32[B, L]} (0 = padding), slots {@code int32[B]} (-1 = base only)</li>
 *   <li>logits {@code float32[B, K, D, 256]}; tokens {@code int32[B, K, D]}</li>
 * </ul>
 * Every method is one native call. Not thread-safe: one thread drives a model at a time.
 */
public final class TinyVla extends NativeResource {
    private final TorchModule module;
    private final PolicyConfig config;
    private final int vocab;
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment intOut = arena.allocate(ValueLayout.JAVA_LONG);

    private TinyVla(TorchModule module, PolicyConfig config, int vocab) {
        this.module = module;
        this.config = config;
        this.vocab = vocab;
    }

    /** A freshly initialised model for an instruction vocabulary of {@code vocab} words. */
    public static TinyVla create(PolicyConfig config, int vocab) {
        return new TinyVla(TorchModule.create("tinyvla", config.toNative(vocab)), config, vocab);
    }

    public PolicyConfig config() {
        return config;
    }

    public int vocab() {
        return vocab;
    }

    /** The underlying module (generic forward, save, load). */
    public TorchModule module() {
        ensureOpen();
        return module;
    }

    /** Adds a task's adapter (starting as the identity: the task acts as the base); returns its slot. */
    public int addTask(String task) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_add_task(module.handle(), a.allocateFrom(task), intOut));
        }
        int slot = intOut.get(ValueLayout.JAVA_INT, 0);
        slots.put(task, slot);
        return slot;
    }

    /** Drops a task's adapter. */
    public void removeTask(String task) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_remove_task(module.handle(), a.allocateFrom(task)));
        }
        slots.remove(task);
    }

    public boolean hasTask(String task) {
        return slots.containsKey(task);
    }

    /** The adapter slot of {@code task}; an unknown task is an error naming the known ones. */
    public int slot(String task) {
        Integer s = slots.get(task);
        if (s == null) throw new IllegalArgumentException("unknown task '" + task + "' (this policy has adapters for: "
                + (slots.isEmpty() ? "none" : String.join(", ", slots.keySet())) + ")");
        return s;
    }

    /** Tasks with adapters, in the order they were added. */
    public List<String> tasks() {
        return new ArrayList<>(slots.keySet());
    }

    /** What trains: the base, and/or one task's adapter ({@code null}: none); all else is frozen. */
    public void setTrainable(boolean base, String task) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_set_trainable(module.handle(), base ? 1 : 0, a.allocateFrom(task == null ? "" : task)));
        }
    }

    /** Parameters of the base (adapters excluded). */
    public long baseParameterCount() {
        return module().parameterCount(false);
    }

    /** Parameters of one task's adapter. */
    public long adapterParameterCount(String task) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_adapter_num_parameters(module.handle(), a.allocateFrom(task), intOut));
        }
        return intOut.get(ValueLayout.JAVA_LONG, 0);
    }

    /** Writes the base alone (libtorch archive; see {@link Checkpoints} for the checked format). */
    public void saveBaseRaw(Path path) {
        module().save(path);
    }

    public void loadBaseRaw(Path path) {
        module().load(path);
    }

    /** Writes one task's adapter alone (libtorch archive). */
    public void saveAdapterRaw(String task, Path path) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_save_adapter(module.handle(), a.allocateFrom(task), a.allocateFrom(path.toString())));
        }
    }

    /** Loads one task's adapter, adding the task when missing; a mismatch leaves the model unchanged. */
    public void loadAdapterRaw(String task, Path path) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_load_adapter(module.handle(), a.allocateFrom(task), a.allocateFrom(path.toString())));
            check(VlarlPolicy.vp_task_slot(module.handle(), a.allocateFrom(task), intOut));
        }
        slots.put(task, intOut.get(ValueLayout.JAVA_INT, 0));
    }

    /** Logits with autograd (for losses written in Java, e.g. RL); the caller owns the tensor. */
    public Tensor logits(Tensor image, Tensor state, Tensor instruction, Tensor slots) {
        return module().forward(image, state, instruction, slots)[0];
    }

    /** Logits without autograd into {@code out} float32[B, K, D, bins] (no new handles). */
    public void logitsInto(Tensor image, Tensor state, Tensor instruction, Tensor slots, Tensor out) {
        module().forwardInto(new Tensor[] {image, state, instruction, slots}, new Tensor[] {out});
    }

    /**
     * One forward and decoding into {@code tokens} int32[B, K, D]: greedy when
     * {@code temperature <= 0}, else sampled from softmax(logits / temperature);
     * {@code logprob} (float32[B, K, D], may be null) gets log p of each chosen token under
     * that tempered distribution. Allocates nothing on the Java side.
     */
    public void act(Tensor image, Tensor state, Tensor instruction, Tensor slots, double temperature, Tensor tokens,
            Tensor logprob) {
        ensureOpen();
        check(VlarlPolicy.vp_act(module.handle(), image.handle(), state.handle(), instruction.handle(), slots.handle(),
                temperature, tokens.handle(), logprob == null ? MemorySegment.NULL : logprob.handle()));
    }

    /** Seeds the generator of sampled decoding. */
    public void seed(long seed) {
        ensureOpen();
        check(VlarlPolicy.vp_seed(module.handle(), seed));
    }

    MemorySegment handle() {
        return module().handle();
    }

    @Override
    protected void release() {
        try {
            module.close();
        } finally {
            arena.close();
        }
    }
}
