package dev.vlarl.torch;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlTorch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * A libtorch module of a kind registered in the torch shim ("mlp" built in; the policy
 * adds its own). Java configures and drives it with whole-model calls (forward, save,
 * load, named operations); the per-operation work stays in C++.
 *
 * <p>Not thread-safe: one thread drives a module at a time (the handle arrays are reused).
 */
public final class TorchModule extends NativeResource {
    private static final int MAX_IO = 16;
    private final MemorySegment handle;
    private final String kind;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment inArray = arena.allocate(ValueLayout.ADDRESS, MAX_IO);
    private final MemorySegment outArray = arena.allocate(ValueLayout.ADDRESS, MAX_IO);
    private final MemorySegment count = arena.allocate(ValueLayout.JAVA_INT);

    private TorchModule(MemorySegment handle, String kind) {
        this.handle = handle;
        this.kind = kind;
    }

    /** Creates a module; {@code config} is "key=value,key=value" (unknown keys are errors). */
    public static TorchModule create(String kind, String config) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlTorch.vt_module_create(a.allocateFrom(kind), a.allocateFrom(config == null ? "" : config), out));
            return new TorchModule(out.get(ValueLayout.ADDRESS, 0), kind);
        }
    }

    public String kind() {
        return kind;
    }

    /** The native vt_module* (for binding adapters; do not free it). */
    public MemorySegment handle() {
        ensureOpen();
        return handle;
    }

    private void putInputs(Tensor[] inputs) {
        if (inputs.length > MAX_IO) throw new IllegalArgumentException("at most " + MAX_IO + " inputs");
        for (int i = 0; i < inputs.length; i++) inArray.setAtIndex(ValueLayout.ADDRESS, i, inputs[i].handle());
    }

    /** Forward with autograd (for training); the caller owns the returned tensors. */
    public Tensor[] forward(Tensor... inputs) {
        ensureOpen();
        putInputs(inputs);
        check(VlarlTorch.vt_module_forward(handle, inArray, inputs.length, outArray, MAX_IO, count));
        int n = count.get(ValueLayout.JAVA_INT, 0);
        Tensor[] out = new Tensor[Math.min(n, MAX_IO)];
        for (int i = 0; i < out.length; i++) out[i] = Tensor.adopt(outArray.getAtIndex(ValueLayout.ADDRESS, i));
        return out;
    }

    /** Inference into caller-owned outputs: no autograd, no new handles, no Java allocation. */
    public void forwardInto(Tensor[] inputs, Tensor[] outputs) {
        ensureOpen();
        putInputs(inputs);
        if (outputs.length > MAX_IO) throw new IllegalArgumentException("at most " + MAX_IO + " outputs");
        for (int i = 0; i < outputs.length; i++) outArray.setAtIndex(ValueLayout.ADDRESS, i, outputs[i].handle());
        check(VlarlTorch.vt_module_forward_into(handle, inArray, inputs.length, outArray, outputs.length));
    }

    /** A kind-specific named operation, e.g. a policy's "add_task". */
    public void call(String method, String args) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlTorch.vt_module_call(handle, a.allocateFrom(method), a.allocateFrom(args == null ? "" : args)));
        }
    }

    public void train(boolean training) {
        check(VlarlTorch.vt_module_train(handle(), training ? 1 : 0));
    }

    /** Parameter count (all, or only those an optimiser would update). */
    public long parameterCount(boolean trainableOnly) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_LONG);
            check(VlarlTorch.vt_module_num_parameters(handle(), trainableOnly ? 1 : 0, out));
            return out.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** Writes parameters and buffers to {@code path} (not atomic: see Checkpoints for that). */
    public void save(Path path) {
        try (Arena a = Arena.ofConfined()) {
            check(VlarlTorch.vt_module_save(handle(), a.allocateFrom(path.toString())));
        }
    }

    /** Loads parameters and buffers; a missing, corrupt or mismatched file is an error. */
    public void load(Path path) {
        try (Arena a = Arena.ofConfined()) {
            check(VlarlTorch.vt_module_load(handle(), a.allocateFrom(path.toString())));
        }
    }

    @Override
    protected void release() {
        try {
            check(VlarlTorch.vt_module_free(handle));
        } finally {
            arena.close();
        }
    }
}
