package dev.vlarl.env;

import dev.vlarl.sim.Camera;
import dev.vlarl.sim.MjModel;
import dev.vlarl.sim.MjObj;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled scene ({@link MjModel}), shared read-only by every environment whose task
 * uses it, with the name lookups tasks need resolved once. Owned by a {@link SceneLibrary}.
 */
public final class SceneModel implements AutoCloseable {
    /** Actuator order in the template: hand x, y, z, finger l, finger r. */
    static final int ACT_X = 0, ACT_FINGER_L = 3, ACT_FINGER_R = 4;

    private final String key;
    private final Set<String> bodies;
    private final MjModel model;
    private final Map<String, Integer> bodyIds = new HashMap<>();
    private final Map<String, Integer> jointQpos = new HashMap<>();
    private final Map<String, Integer> jointDof = new HashMap<>();
    private final Map<String, Integer> mocapIds = new HashMap<>();
    private final Camera camera;

    SceneModel(Set<String> bodies) {
        this.bodies = Set.copyOf(bodies);
        this.key = Scenes.key(bodies);
        this.model = MjModel.fromXml(Scenes.compose(bodies));
        try {
            MemorySegment bodyMocap = model.array("body_mocapid").segment();
            List<String> names = model.names(MjObj.BODY);
            for (int b = 0; b < names.size(); b++) {
                String n = names.get(b);
                if (n == null || n.isEmpty()) continue;
                bodyIds.put(n, b);
                int mid = bodyMocap.getAtIndex(ValueLayout.JAVA_INT, b);
                if (mid >= 0) mocapIds.put(n, mid);
            }
            for (String j : model.names(MjObj.JOINT)) {
                if (j == null || j.isEmpty()) continue;
                jointQpos.put(j, model.qposAddress(j));
                jointDof.put(j, model.dofAddress(j));
            }
            camera = Camera.named(model, "agentview");
            if (model.nu() != 5 || jointQpos.get("hand_x") != 0 || jointQpos.get("hand_y") != 1 || jointQpos.get("hand_z") != 2) {
                throw new IllegalStateException("scene " + key + ": the gripper must come first (hand x, y, z joints, 5 actuators)");
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The compiled model. */
    public MjModel model() {
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

    /** The "agentview" camera observations are rendered from. */
    Camera camera() {
        return camera;
    }

    @Override
    public void close() {
        model.close();
    }
}
