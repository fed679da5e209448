package dev.vlarl.sim;

import dev.vlarl.bindings.VlarlMujoco;

/** Kinds of named model objects (MuJoCo's mjtObj, the ones vlarl looks up by name). */
public enum MjObj {
    BODY(VlarlMujoco.VM_OBJ_BODY),
    JOINT(VlarlMujoco.VM_OBJ_JOINT),
    DOF(VlarlMujoco.VM_OBJ_DOF),
    GEOM(VlarlMujoco.VM_OBJ_GEOM),
    SITE(VlarlMujoco.VM_OBJ_SITE),
    CAMERA(VlarlMujoco.VM_OBJ_CAMERA),
    LIGHT(VlarlMujoco.VM_OBJ_LIGHT),
    MESH(VlarlMujoco.VM_OBJ_MESH),
    MATERIAL(VlarlMujoco.VM_OBJ_MATERIAL),
    TENDON(VlarlMujoco.VM_OBJ_TENDON),
    ACTUATOR(VlarlMujoco.VM_OBJ_ACTUATOR),
    SENSOR(VlarlMujoco.VM_OBJ_SENSOR),
    KEY(VlarlMujoco.VM_OBJ_KEY);

    /** The enum vm_obj / mjtObj value. */
    final int code;

    MjObj(int code) {
        this.code = code;
    }
}
