package dev.vlarl.policy;

import static dev.vlarl.bindings.VlarlPolicy.check;

import dev.vlarl.bindings.VlarlPolicy;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * AdamW over what is trainable in a {@link TinyVla} when this is created (see
 * {@link TinyVla#setTrainable}); {@link #step} is one fused native call (forward, token
 * cross-entropy, backward, clip, update).
 */
public final class SftTrainer extends NativeResource {
    /**
     * Token loss, token accuracy, gradient norm (before clipping) and auxiliary loss (before its
     * weight; NaN for a step without one) of one step.
     */
    public record StepResult(double loss, double accuracy, double gradNorm, double auxLoss) {
        public StepResult(double loss, double accuracy, double gradNorm) {
            this(loss, accuracy, gradNorm, Double.NaN);
        }
    }

    private final MemorySegment handle;
    private final TinyVla model;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment out = arena.allocate(ValueLayout.JAVA_DOUBLE, 4);

    private SftTrainer(MemorySegment handle, TinyVla model) {
        this.handle = handle;
        this.model = model;
    }

    /** e.g. {@code create(model, 1e-3, 0.01, 1.0)}: one-hot token targets. */
    public static SftTrainer create(TinyVla model, double lr, double weightDecay, double clip) {
        return create(model, lr, weightDecay, clip, 0);
    }

    /**
     * @param labelSigma 0: one-hot cross-entropy; &gt; 0: soft targets, a Gaussian with this std
     *     (in bins) around each expert token
     */
    public static SftTrainer create(TinyVla model, double lr, double weightDecay, double clip, double labelSigma) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment o = a.allocate(ValueLayout.ADDRESS);
            check(VlarlPolicy.vp_trainer_create(model.handle(), a.allocateFrom("lr=" + lr + ",weight_decay=" + weightDecay
                    + ",clip=" + clip + ",label_sigma=" + labelSigma), o));
            return new SftTrainer(o.get(ValueLayout.ADDRESS, 0), model);
        }
    }

    public StepResult step(TrainBatch b) {
        ensureOpen();
        check(VlarlPolicy.vp_train_step(handle, b.image().handle(), b.state().handle(), b.instruction().handle(),
                b.slots().handle(), b.targets().handle(), out, out.asSlice(8), out.asSlice(16)));
        return new StepResult(out.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), out.getAtIndex(ValueLayout.JAVA_DOUBLE, 1),
                out.getAtIndex(ValueLayout.JAVA_DOUBLE, 2));
    }

    /**
     * A step on the token loss plus {@code auxWeight} times the auxiliary head's loss (a policy
     * with {@link PolicyConfig#aux()} &gt; 0, a batch filled with aux targets).
     */
    public StepResult step(TrainBatch b, double auxWeight) {
        ensureOpen();
        if (!b.hasAux()) throw new IllegalArgumentException("the batch has no auxiliary targets (the policy's aux is 0)");
        check(VlarlPolicy.vp_train_step_aux(handle, b.image().handle(), b.state().handle(), b.instruction().handle(),
                b.slots().handle(), b.targets().handle(), b.auxTarget().handle(), b.auxMask().handle(), auxWeight, out,
                out.asSlice(8), out.asSlice(16), out.asSlice(24)));
        return new StepResult(out.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), out.getAtIndex(ValueLayout.JAVA_DOUBLE, 1),
                out.getAtIndex(ValueLayout.JAVA_DOUBLE, 2), out.getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
    }

    /** Loss and accuracy on a batch without updating (the gradient norm is reported as 0). */
    public StepResult evaluate(TrainBatch b) {
        ensureOpen();
        check(VlarlPolicy.vp_eval_loss(model.handle(), b.image().handle(), b.state().handle(), b.instruction().handle(),
                b.slots().handle(), b.targets().handle(), out, out.asSlice(8)));
        return new StepResult(out.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), out.getAtIndex(ValueLayout.JAVA_DOUBLE, 1), 0);
    }

    public void setLearningRate(double lr) {
        ensureOpen();
        check(VlarlPolicy.vp_trainer_set_lr(handle, lr));
    }

    /** Optimiser state (libtorch archive). */
    public void saveStateRaw(Path path) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_trainer_save(handle, a.allocateFrom(path.toString())));
        }
    }

    public void loadStateRaw(Path path) {
        ensureOpen();
        try (Arena a = Arena.ofConfined()) {
            check(VlarlPolicy.vp_trainer_load(handle, a.allocateFrom(path.toString())));
        }
    }

    @Override
    protected void release() {
        try {
            check(VlarlPolicy.vp_trainer_free(handle));
        } finally {
            arena.close();
        }
    }
}
