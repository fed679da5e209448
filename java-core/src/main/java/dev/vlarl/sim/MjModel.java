package dev.vlarl.sim;

import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.MjModelLayout;
import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled MuJoCo model (mjModel). Sizes are read once from the struct at offsets the shim
 * exports; arrays are viewed in place ({@link #array}). A model may be shared by many
 * {@link MjData} and {@link Renderer}s; close it after them. Closing invalidates every view
 * of its arrays (a later access throws instead of reading freed memory).
 */
public final class MjModel extends NativeResource {
    private final Arena arena;
    private final MemorySegment struct;
    private final int nq, nv, nu, na, nbody, njnt, ngeom, nsite, ncam, nsensor, nsensordata, nmocap, nkey, nconmax;
    // int arrays the address helpers read (views, no copies)
    private final MemorySegment jntQposAdr, jntDofAdr, sensorAdr, sensorDim, bodyMocapId;

    private MjModel(MemorySegment raw) {
        this.arena = Arena.ofShared();
        this.struct = raw.reinterpret(MjModelLayout.SIZEOF, arena, null);
        this.nq = readInt(MjModelLayout.NQ);
        this.nv = readInt(MjModelLayout.NV);
        this.nu = readInt(MjModelLayout.NU);
        this.na = readInt(MjModelLayout.NA);
        this.nbody = readInt(MjModelLayout.NBODY);
        this.njnt = readInt(MjModelLayout.NJNT);
        this.ngeom = readInt(MjModelLayout.NGEOM);
        this.nsite = readInt(MjModelLayout.NSITE);
        this.ncam = readInt(MjModelLayout.NCAM);
        this.nsensor = readInt(MjModelLayout.NSENSOR);
        this.nsensordata = readInt(MjModelLayout.NSENSORDATA);
        this.nmocap = readInt(MjModelLayout.NMOCAP);
        this.nkey = readInt(MjModelLayout.NKEY);
        this.nconmax = readInt(MjModelLayout.NCONMAX);
        this.jntQposAdr = array("jnt_qposadr").segment();
        this.jntDofAdr = array("jnt_dofadr").segment();
        this.sensorAdr = array("sensor_adr").segment();
        this.sensorDim = array("sensor_dim").segment();
        this.bodyMocapId = array("body_mocapid").segment();
    }

    private int readInt(long offset) {
        return struct.get(ValueLayout.JAVA_INT, offset);
    }

    private static MjModel adopt(MemorySegment raw) {
        try {
            return new MjModel(raw);
        } catch (RuntimeException | Error e) {
            VlarlMujoco.vm_model_free(raw);
            throw e;
        }
    }

    /**
     * Compiles MJCF text. A model that does not compile throws
     * {@link dev.vlarl.bindings.MujocoException} with MuJoCo's message (line and element).
     * MuJoCo 2.2.2 needs {@code <compiler autolimits="true"/>} for ranges without limited="true".
     */
    public static MjModel fromXml(String xml) {
        if (xml == null || xml.isBlank()) throw new IllegalArgumentException("empty MJCF text");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_model_from_xml_string(a.allocateFrom(xml), out));
            return adopt(out.get(ValueLayout.ADDRESS, 0));
        }
    }

    /** Compiles an MJCF file; meshes and includes resolve relative to it. */
    public static MjModel fromFile(Path path) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_model_from_xml_file(a.allocateFrom(path.toString()), out));
            return adopt(out.get(ValueLayout.ADDRESS, 0));
        }
    }

    /**
     * A deep copy of this model, for changes that must not reach other users of this one
     * (per-environment colours, friction, masses). The copy is a new resource to close.
     */
    public MjModel copy() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_model_copy(handle(), out));
            return adopt(out.get(ValueLayout.ADDRESS, 0));
        }
    }

    /** A new simulation state for this model (reset, positions computed). */
    public MjData makeData() {
        return MjData.create(this);
    }

    /** The mjModel* for shim calls (valid while this model is open). */
    public MemorySegment handle() {
        ensureOpen();
        return struct;
    }

    public int nq() { return nq; }
    public int nv() { return nv; }
    public int nu() { return nu; }
    public int na() { return na; }
    public int nbody() { return nbody; }
    public int njnt() { return njnt; }
    public int ngeom() { return ngeom; }
    public int nsite() { return nsite; }
    public int ncam() { return ncam; }
    public int nsensor() { return nsensor; }
    public int nsensordata() { return nsensordata; }
    public int nmocap() { return nmocap; }
    public int nkey() { return nkey; }
    /** Room for contacts in an MjData (more are dropped with a CONTACT_FULL warning). */
    public int nconmax() { return nconmax; }

    /** Simulation timestep in seconds (opt.timestep). */
    public double timestep() {
        return struct.get(ValueLayout.JAVA_DOUBLE, MjModelLayout.OPT_TIMESTEP);
    }

    public void setTimestep(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("timestep must be finite and > 0, got " + seconds);
        }
        struct.set(ValueLayout.JAVA_DOUBLE, MjModelLayout.OPT_TIMESTEP, seconds);
    }

    /** Number of objects of a kind (nbody, ngeom, ...). */
    public int count(MjObj kind) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_INT);
            check(VlarlMujoco.vm_count(handle(), kind.code, out));
            return out.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** Id of the named object, or -1 when the model has none of that name. */
    public int findId(MjObj kind, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_INT);
            check(VlarlMujoco.vm_name2id(handle(), kind.code, a.allocateFrom(name), out));
            return out.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** Id of the named object; throws naming the ones that exist when there is none. */
    public int id(MjObj kind, String name) {
        int id = findId(kind, name);
        if (id < 0) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase() + " named '" + name
                    + "' in the model; it has " + names(kind));
        }
        return id;
    }

    /** Name of object {@code id} ("" when it has none). */
    public String name(MjObj kind, int id) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_id2name(handle(), kind.code, id, out));
            MemorySegment s = out.get(ValueLayout.ADDRESS, 0);
            return s.equals(MemorySegment.NULL) ? "" : s.reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    /** Names of all objects of a kind, by id ("" for unnamed ones). */
    public List<String> names(MjObj kind) {
        int n = count(kind);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add(name(kind, i));
        return names;
    }

    /** Index in qpos of the named joint's first coordinate (7 for a free joint, 4 ball, 1 hinge/slide). */
    public int qposAddress(String joint) {
        return jntQposAdr.getAtIndex(ValueLayout.JAVA_INT, id(MjObj.JOINT, joint));
    }

    /** Index in qvel of the named joint's first degree of freedom. */
    public int dofAddress(String joint) {
        return jntDofAdr.getAtIndex(ValueLayout.JAVA_INT, id(MjObj.JOINT, joint));
    }

    /** Index in sensordata of the named sensor's first value. */
    public int sensorAddress(String sensor) {
        return sensorAdr.getAtIndex(ValueLayout.JAVA_INT, id(MjObj.SENSOR, sensor));
    }

    /** Number of values the named sensor writes. */
    public int sensorDimension(String sensor) {
        return sensorDim.getAtIndex(ValueLayout.JAVA_INT, id(MjObj.SENSOR, sensor));
    }

    /** Row in mocap_pos / mocap_quat of the named mocap body (throws if it is not one). */
    public int mocapIndex(String body) {
        int m = bodyMocapId.getAtIndex(ValueLayout.JAVA_INT, id(MjObj.BODY, body));
        if (m < 0) throw new IllegalArgumentException("body '" + body + "' is not a mocap body");
        return m;
    }

    /**
     * A model array by its mjModel field name, in place (e.g. "geom_rgba": ngeom x 4 floats,
     * "jnt_qposadr", "sensor_adr", "actuator_ctrlrange"). Writes change the model.
     */
    public MjArray array(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(8 * 4);
            check(VlarlMujoco.vm_model_array(handle(), a.allocateFrom(name), out, out.asSlice(8),
                    out.asSlice(16), out.asSlice(24)));
            return view(arena, out);
        }
    }

    /** Builds the view from vm_*_array's out-parameters {ptr, rows, cols, type} in {@code out}. */
    static MjArray view(Arena owner, MemorySegment out) {
        MemorySegment ptr = out.get(ValueLayout.ADDRESS, 0);
        long rows = out.get(ValueLayout.JAVA_LONG, 8);
        long cols = out.get(ValueLayout.JAVA_LONG, 16);
        MjArray.Type type = MjArray.Type.of(out.get(ValueLayout.JAVA_INT, 24));
        long elem = type == MjArray.Type.STRUCT ? dev.vlarl.bindings.MujocoLayouts.sizeOf("mjContact") : type.bytes;
        long bytes = ptr.equals(MemorySegment.NULL) ? 0 : rows * cols * elem;
        return new MjArray(ptr.reinterpret(bytes, owner, null), rows, cols, type);
    }

    @Override
    protected void release() {
        MemorySegment raw = MemorySegment.ofAddress(struct.address());
        arena.close();
        VlarlMujoco.vm_model_free(raw);
    }

    @Override
    public String toString() {
        return "MjModel[nq=" + nq + ", nv=" + nv + ", nu=" + nu + ", nbody=" + nbody + ", ngeom=" + ngeom
                + ", timestep=" + (isClosed() ? "?" : timestep()) + (isClosed() ? ", closed]" : "]");
    }
}
