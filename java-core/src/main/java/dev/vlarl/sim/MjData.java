package dev.vlarl.sim;

import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.MjDataLayout;
import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A simulation state (mjData) of one {@link MjModel}. The common arrays are off-heap views
 * made once ({@link #qpos()}, {@link #ctrl()}, ...; float64, row-major): reading or writing
 * them copies nothing, and {@link #step} allocates nothing. Views die with this object.
 *
 * <p>One thread at a time per MjData; distinct MjData (even of one model) may step on
 * distinct threads at once. After a {@link dev.vlarl.bindings.MujocoException} from
 * {@link #step} or {@link #forward}, the state may be half-updated: {@link #reset} it.
 */
public final class MjData extends NativeResource {
    private final MjModel model;
    private final Arena arena;
    private final MemorySegment struct;
    private final MemorySegment flags;
    private final MemorySegment qpos, qvel, act, ctrl, qacc, xpos, xquat, geomXpos, siteXpos, sensordata,
            mocapPos, mocapQuat, contacts;

    private MjData(MjModel model, MemorySegment raw) {
        this.model = model;
        this.arena = Arena.ofShared();
        this.struct = raw.reinterpret(MjDataLayout.SIZEOF, arena, null);
        this.flags = arena.allocate(ValueLayout.JAVA_INT);
        this.qpos = f64(MjDataLayout.QPOS, model.nq());
        this.qvel = f64(MjDataLayout.QVEL, model.nv());
        this.act = f64(MjDataLayout.ACT, model.na());
        this.ctrl = f64(MjDataLayout.CTRL, model.nu());
        this.qacc = f64(MjDataLayout.QACC, model.nv());
        this.xpos = f64(MjDataLayout.XPOS, 3L * model.nbody());
        this.xquat = f64(MjDataLayout.XQUAT, 4L * model.nbody());
        this.geomXpos = f64(MjDataLayout.GEOM_XPOS, 3L * model.ngeom());
        this.siteXpos = f64(MjDataLayout.SITE_XPOS, 3L * model.nsite());
        this.sensordata = f64(MjDataLayout.SENSORDATA, model.nsensordata());
        this.mocapPos = f64(MjDataLayout.MOCAP_POS, 3L * model.nmocap());
        this.mocapQuat = f64(MjDataLayout.MOCAP_QUAT, 4L * model.nmocap());
        MemorySegment c = struct.get(ValueLayout.ADDRESS, MjDataLayout.CONTACT);
        this.contacts = c.reinterpret(c.equals(MemorySegment.NULL) ? 0 : model.nconmax() * MjDataLayout.CONTACT_SIZE,
                arena, null);
    }

    private MemorySegment f64(long pointerOffset, long count) {
        MemorySegment p = struct.get(ValueLayout.ADDRESS, pointerOffset);
        return p.reinterpret(count == 0 || p.equals(MemorySegment.NULL) ? 0 : count * Double.BYTES, arena, null);
    }

    static MjData create(MjModel model) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_data_create(model.handle(), out));
            MemorySegment raw = out.get(ValueLayout.ADDRESS, 0);
            try {
                return new MjData(model, raw);
            } catch (RuntimeException | Error e) {
                VlarlMujoco.vm_data_free(raw);
                throw e;
            }
        }
    }

    /** The model this state belongs to. */
    public MjModel model() {
        return model;
    }

    /** The mjData* for shim calls (valid while this object is open). */
    public MemorySegment handle() {
        ensureOpen();
        return struct;
    }

    /**
     * Runs {@code nsteps} physics steps (mj_step) in one native call and returns the
     * {@link StepFlags} of what went wrong, 0 when nothing did. Stepping stops early at an
     * instability; see {@link StepFlags#isUnstable}. Allocates nothing.
     */
    public int step(int nsteps) {
        check(VlarlMujoco.vm_step(model.handle(), handle(), nsteps, flags));
        return flags.get(ValueLayout.JAVA_INT, 0);
    }

    /** Recomputes positions, velocities-dependent quantities and sensors (mj_forward). */
    public void forward() {
        check(VlarlMujoco.vm_forward(model.handle(), handle()));
    }

    /** Back to the model's initial state (mj_resetData, then mj_forward). */
    public void reset() {
        check(VlarlMujoco.vm_reset(model.handle(), handle()));
    }

    /** To keyframe {@code key} (mj_resetDataKeyframe, then mj_forward). */
    public void resetKeyframe(int key) {
        check(VlarlMujoco.vm_reset_keyframe(model.handle(), handle(), key));
    }

    /** Copies the full state of {@code src} (same model) into this one. */
    public void copyFrom(MjData src) {
        if (src.model != model) throw new IllegalArgumentException("copyFrom: the two MjData have different models");
        check(VlarlMujoco.vm_data_copy(model.handle(), handle(), src.handle()));
    }

    /** Simulation time in seconds. */
    public double time() {
        return struct.get(ValueLayout.JAVA_DOUBLE, MjDataLayout.TIME);
    }

    public void setTime(double seconds) {
        struct.set(ValueLayout.JAVA_DOUBLE, MjDataLayout.TIME, seconds);
    }

    /** Contacts found by the last step / forward. */
    public int ncon() {
        return struct.get(ValueLayout.JAVA_INT, MjDataLayout.NCON);
    }

    /** Geom id of side 1 of contact {@code i} (0 <= i < {@link #ncon()}). */
    public int contactGeom1(int i) {
        return contacts.get(ValueLayout.JAVA_INT, contactOffset(i) + MjDataLayout.CONTACT_GEOM1);
    }

    /** Geom id of side 2 of contact {@code i}. */
    public int contactGeom2(int i) {
        return contacts.get(ValueLayout.JAVA_INT, contactOffset(i) + MjDataLayout.CONTACT_GEOM2);
    }

    /** Signed distance of contact {@code i} (negative: penetration), metres. */
    public double contactDistance(int i) {
        return contacts.get(ValueLayout.JAVA_DOUBLE, contactOffset(i) + MjDataLayout.CONTACT_DIST);
    }

    /** Whether geoms {@code a} and {@code b} touch (a contact between them, either order). */
    public boolean touching(int a, int b) {
        int n = ncon();
        for (int i = 0; i < n; i++) {
            int g1 = contactGeom1(i), g2 = contactGeom2(i);
            if ((g1 == a && g2 == b) || (g1 == b && g2 == a)) return true;
        }
        return false;
    }

    private long contactOffset(int i) {
        return java.util.Objects.checkIndex(i, ncon()) * MjDataLayout.CONTACT_SIZE;
    }

    /** How often MuJoCo warning {@code warning} (mjtWarning, 0..7) was raised since the last reset. */
    public int warningCount(int warning) {
        if (warning < 0 || warning >= 8) throw new IllegalArgumentException("warning index " + warning + " not in 0..7");
        return struct.get(ValueLayout.JAVA_INT,
                MjDataLayout.WARNING + warning * MjDataLayout.WARNING_STAT_SIZE + MjDataLayout.WARNING_NUMBER);
    }

    /** float64[nq] generalized positions. */
    public MemorySegment qpos() { return qpos; }
    /** float64[nv] generalized velocities. */
    public MemorySegment qvel() { return qvel; }
    /** float64[na] actuator activations. */
    public MemorySegment act() { return act; }
    /** float64[nu] controls (write before {@link #step}). */
    public MemorySegment ctrl() { return ctrl; }
    /** float64[nv] accelerations. */
    public MemorySegment qacc() { return qacc; }
    /** float64[nbody, 3] body positions (world frame). */
    public MemorySegment xpos() { return xpos; }
    /** float64[nbody, 4] body orientations (w, x, y, z). */
    public MemorySegment xquat() { return xquat; }
    /** float64[ngeom, 3] geom positions. */
    public MemorySegment geomXpos() { return geomXpos; }
    /** float64[nsite, 3] site positions. */
    public MemorySegment siteXpos() { return siteXpos; }
    /** float64[nsensordata] sensor outputs (sensor i at model.array("sensor_adr")[i]). */
    public MemorySegment sensordata() { return sensordata; }
    /** float64[nmocap, 3] mocap body positions (writable: they drive mocap bodies). */
    public MemorySegment mocapPos() { return mocapPos; }
    /** float64[nmocap, 4] mocap body orientations. */
    public MemorySegment mocapQuat() { return mocapQuat; }

    /** Any mjData array by its field name, in place (e.g. "cfrc_ext": nbody x 6). */
    public MjArray array(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(8 * 4);
            check(VlarlMujoco.vm_data_array(model.handle(), handle(), a.allocateFrom(name), out, out.asSlice(8),
                    out.asSlice(16), out.asSlice(24)));
            return MjModel.view(arena, out);
        }
    }

    @Override
    protected void release() {
        MemorySegment raw = MemorySegment.ofAddress(struct.address());
        arena.close();
        VlarlMujoco.vm_data_free(raw);
    }
}
