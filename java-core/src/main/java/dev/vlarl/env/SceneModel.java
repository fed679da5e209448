package dev.vlarl.env;

import static dev.vlarl.bindings.VlarlMujoco.C_POINTER;
import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.VlarlMujoco;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One compiled scene (an mjModel), shared read-only by every environment whose task uses
 * it, with the name lookups tasks need resolved once. Owned by a {@link SceneLibrary}.
 */
public final class SceneModel implements AutoCloseable {
    /** Actuator order in the template: hand x, y, z, finger l, finger r. */
    static final int ACT_X = 0, ACT_FINGER_L = 3, ACT_FINGER_R = 4;

    private final String key;
    private final Set<String> bodies;
    private final Arena arena = Arena.ofShared();
    private MemorySegment model;
    private final Map<String, Integer> bodyIds = new HashMap<>();
    private final Map<String, Integer> jointQpos = new HashMap<>();
    private final Map<String, Integer> jointDof = new HashMap<>();
    private final Map<String, Integer> mocapIds = new HashMap<>();
    private final int camera;
    private final int nbody;
    private final int nq;
    private final int nv;
    private final int nu;
    private final int nmocap;

    SceneModel(Set<String> bodies) {
        this.bodies = Set.copyOf(bodies);
        this.key = Scenes.key(bodies);
        String xml = Scenes.compose(bodies);
        MemorySegment out = arena.allocate(C_POINTER);
        check(VlarlMujoco.vm_model_from_xml_string(arena.allocateFrom(xml), out));
        model = out.get(C_POINTER, 0);
        try {
            nbody = count(VlarlMujoco.VM_OBJ_BODY);
            int njnt = count(VlarlMujoco.VM_OBJ_JOINT);
            nu = count(VlarlMujoco.VM_OBJ_ACTUATOR);
            MemorySegment jntQposAdr = modelArray("jnt_qposadr", ValueLayout.JAVA_INT);
            MemorySegment jntDofAdr = modelArray("jnt_dofadr", ValueLayout.JAVA_INT);
            MemorySegment bodyMocap = modelArray("body_mocapid", ValueLayout.JAVA_INT);
            for (int b = 0; b < nbody; b++) {
                String n = name(VlarlMujoco.VM_OBJ_BODY, b);
                if (n != null) {
                    bodyIds.put(n, b);
                    int mid = bodyMocap.getAtIndex(ValueLayout.JAVA_INT, b);
                    if (mid >= 0) mocapIds.put(n, mid);
                }
            }
            nmocap = mocapIds.size();
            for (int j = 0; j < njnt; j++) {
                String n = name(VlarlMujoco.VM_OBJ_JOINT, j);
                if (n != null) {
                    jointQpos.put(n, jntQposAdr.getAtIndex(ValueLayout.JAVA_INT, j));
                    jointDof.put(n, jntDofAdr.getAtIndex(ValueLayout.JAVA_INT, j));
                }
            }
            MemorySegment id = arena.allocate(ValueLayout.JAVA_INT);
            check(VlarlMujoco.vm_name2id(model, VlarlMujoco.VM_OBJ_CAMERA, arena.allocateFrom("agentview"), id));
            camera = id.get(ValueLayout.JAVA_INT, 0);
            nq = (int) arrayRows("qpos0");
            nv = (int) arrayRows("dof_damping");
            if (nu != 5 || jointQpos.get("hand_x") != 0 || jointQpos.get("hand_y") != 1 || jointQpos.get("hand_z") != 2) {
                throw new IllegalStateException("scene " + key + ": the gripper must come first (hand x, y, z joints, 5 actuators)");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private int count(int type) {
        MemorySegment out = arena.allocate(ValueLayout.JAVA_INT);
        check(VlarlMujoco.vm_count(model, type, out));
        return out.get(ValueLayout.JAVA_INT, 0);
    }

    private String name(int type, int id) {
        MemorySegment out = arena.allocate(C_POINTER);
        check(VlarlMujoco.vm_id2name(model, type, id, out));
        MemorySegment p = out.get(C_POINTER, 0);
        return p.equals(MemorySegment.NULL) ? null : p.reinterpret(Long.MAX_VALUE).getString(0);
    }

    private long arrayRows(String field) {
        MemorySegment ptr = arena.allocate(C_POINTER), rows = arena.allocate(ValueLayout.JAVA_LONG),
                cols = arena.allocate(ValueLayout.JAVA_LONG), type = arena.allocate(ValueLayout.JAVA_INT);
        check(VlarlMujoco.vm_model_array(model, arena.allocateFrom(field), ptr, rows, cols, type));
        return rows.get(ValueLayout.JAVA_LONG, 0);
    }

    /** A model array as a segment of rows x cols elements (its element layout must match). */
    MemorySegment modelArray(String field, ValueLayout elem) {
        MemorySegment ptr = arena.allocate(C_POINTER), rows = arena.allocate(ValueLayout.JAVA_LONG),
                cols = arena.allocate(ValueLayout.JAVA_LONG), type = arena.allocate(ValueLayout.JAVA_INT);
        check(VlarlMujoco.vm_model_array(model, arena.allocateFrom(field), ptr, rows, cols, type));
        long n = rows.get(ValueLayout.JAVA_LONG, 0) * cols.get(ValueLayout.JAVA_LONG, 0);
        return ptr.get(C_POINTER, 0).reinterpret(n * elem.byteSize());
    }

    /** The raw mjModel pointer (for the bindings). */
    MemorySegment handle() {
        if (model == null) throw new IllegalStateException("scene " + key + " is closed");
        return model;
    }

    public String key() {
        return key;
    }

    public Set<String> bodies() {
        return bodies;
    }

    int bodyId(String name) {
        Integer id = bodyIds.get(name);
        if (id == null) throw new IllegalArgumentException("scene [" + key + "] has no body '" + name + "'");
        return id;
    }

    boolean hasBody(String name) {
        return bodyIds.containsKey(name);
    }

    int qposAdr(String joint) {
        Integer a = jointQpos.get(joint);
        if (a == null) throw new IllegalArgumentException("scene [" + key + "] has no joint '" + joint + "'");
        return a;
    }

    int dofAdr(String joint) {
        Integer a = jointDof.get(joint);
        if (a == null) throw new IllegalArgumentException("scene [" + key + "] has no joint '" + joint + "'");
        return a;
    }

    int mocapId(String body) {
        Integer a = mocapIds.get(body);
        if (a == null) throw new IllegalArgumentException("scene [" + key + "] has no mocap body '" + body + "'");
        return a;
    }

    int camera() {
        return camera;
    }

    int nbody() {
        return nbody;
    }

    int nq() {
        return nq;
    }

    int nv() {
        return nv;
    }

    int nu() {
        return nu;
    }

    int nmocap() {
        return nmocap;
    }

    @Override
    public void close() {
        if (model != null) {
            VlarlMujoco.vm_model_free(model);
            model = null;
        }
        if (arena.scope().isAlive()) arena.close();
    }
}
