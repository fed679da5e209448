package dev.vlarl.sim;

import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Steps several {@link MjData} (of one model or several) in one native call, in order, on
 * the calling thread: one downcall per control step for a whole group of environments.
 * Owns only its off-heap pointer tables; the datas stay owned by their creators and must
 * outlive the batch.
 */
public final class MjBatch extends NativeResource {
    private final MjData[] datas;
    private final Arena arena;
    private final MemorySegment models, handles, flags;

    private MjBatch(List<MjData> list) {
        this.datas = list.toArray(MjData[]::new);
        this.arena = Arena.ofShared();
        int n = datas.length;
        this.models = arena.allocate(ValueLayout.ADDRESS, Math.max(1, n));
        this.handles = arena.allocate(ValueLayout.ADDRESS, Math.max(1, n));
        this.flags = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, n));
        for (int i = 0; i < n; i++) {
            models.setAtIndex(ValueLayout.ADDRESS, i, datas[i].model().handle());
            handles.setAtIndex(ValueLayout.ADDRESS, i, datas[i].handle());
        }
    }

    /** A batch over these datas (no duplicates: one data is stepped once per call). */
    public static MjBatch of(List<MjData> datas) {
        if (datas.stream().distinct().count() != datas.size()) {
            throw new IllegalArgumentException("the same MjData appears twice in the batch");
        }
        return new MjBatch(datas);
    }

    public int size() {
        return datas.length;
    }

    /**
     * Steps every data {@code nsteps} physics steps. Afterwards {@link #flags(int)} holds each
     * one's {@link StepFlags}. Allocates nothing. A MuJoCo error names the failing index;
     * the datas before it were stepped, that one must be reset.
     */
    public void step(int nsteps) {
        ensureOpen();
        for (MjData d : datas) {
            d.handle(); // refuses closed datas and models
            d.model().handle();
        }
        check(VlarlMujoco.vm_step_batch(models, handles, datas.length, nsteps, flags));
    }

    /** The {@link StepFlags} of data {@code i} from the last {@link #step}. */
    public int flags(int i) {
        return flags.getAtIndex(ValueLayout.JAVA_INT, java.util.Objects.checkIndex(i, datas.length));
    }

    @Override
    protected void release() {
        arena.close();
    }
}
