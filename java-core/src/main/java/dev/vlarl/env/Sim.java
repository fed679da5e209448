package dev.vlarl.env;

import dev.vlarl.sim.MjData;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One environment's physics: its own mjData over a shared {@link SceneModel}, with the
 * gripper's position-servo targets. The data arrays are views into MuJoCo's own memory
 * (no copies); every buffer a step needs is allocated here once.
 *
 * <p>Gripper control: an action {@code (dx, dy, dz, grip)} moves the servo target by
 * {@code d * maxStep} metres per axis, clamped to the workspace and to at most
 * {@value #MAX_LEAD} m ahead of the measured position (so a blocked gripper does not wind
 * up); {@code grip > 0} closes the fingers, otherwise they open.
 */
public final class Sim implements AutoCloseable {
    /** Reachable box of the grasp point (table frame, metres). */
    public static final double X_MIN = -0.28, X_MAX = 0.28, Y_MIN = -0.22, Y_MAX = 0.36, Z_MIN = 0.01, Z_MAX = 0.30;
    /** Largest distance the servo target may lead the measured position, per axis. */
    public static final double MAX_LEAD = 0.04;
    /** Finger servo targets (each finger, metres from the centre). */
    static final double FINGER_OPEN = 0.04, FINGER_CLOSED = 0.0;

    private final SceneModel model;
    private final MjData data;
    final MemorySegment qpos, qvel, ctrl, xpos, mocapPos;
    private final double[] target = new double[3];
    private boolean gripClosed;

    Sim(SceneModel model) {
        this.model = model;
        this.data = model.model().makeData();
        qpos = data.qpos();
        qvel = data.qvel();
        ctrl = data.ctrl();
        xpos = data.xpos();
        mocapPos = data.mocapPos();
    }

    public SceneModel model() {
        return model;
    }

    /** The MuJoCo state. */
    public MjData data() {
        return data;
    }

    // ---- episode setup -----------------------------------------------------------------

    /** MuJoCo reset to the model's defaults (objects at their template poses). */
    void reset() {
        data.reset();
        gripClosed = false;
    }

    /** Puts the grasp point at (x, y, z), at rest, fingers open (or closed), servos on target. */
    void setHand(double x, double y, double z, boolean closed) {
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, x);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, y);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, 2, z);
        for (int i = 0; i < 3; i++) qvel.setAtIndex(ValueLayout.JAVA_DOUBLE, i, 0);
        double f = closed ? FINGER_CLOSED : FINGER_OPEN;
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr("finger_l"), f);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr("finger_r"), f);
        target[0] = x;
        target[1] = y;
        target[2] = z;
        gripClosed = closed;
        writeCtrl();
    }

    /** Places a free body (joint named like the body) upright with yaw (radians), at rest. */
    void setFreeBody(String body, double x, double y, double z, double yaw) {
        int a = model.qposAdr(body);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a, x);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 1, y);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 2, z);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 3, Math.cos(yaw / 2));
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 4, 0);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 5, 0);
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, a + 6, Math.sin(yaw / 2));
        int v = model.dofAdr(body);
        for (int i = 0; i < 6; i++) qvel.setAtIndex(ValueLayout.JAVA_DOUBLE, v + i, 0);
    }

    /** Moves a mocap body (plate, bin, zone). */
    void setMocap(String body, double x, double y, double z) {
        int m = model.mocapId(body);
        mocapPos.setAtIndex(ValueLayout.JAVA_DOUBLE, 3L * m, x);
        mocapPos.setAtIndex(ValueLayout.JAVA_DOUBLE, 3L * m + 1, y);
        mocapPos.setAtIndex(ValueLayout.JAVA_DOUBLE, 3L * m + 2, z);
    }

    void setJoint(String joint, double value) {
        qpos.setAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr(joint), value);
        qvel.setAtIndex(ValueLayout.JAVA_DOUBLE, model.dofAdr(joint), 0);
    }

    /** Recomputes positions (xpos, contacts) from qpos without advancing time. */
    void forward() {
        data.forward();
    }

    // ---- control -------------------------------------------------------------------------

    /** Applies one action (see class doc); components are clamped to [-1, 1]. */
    void applyAction(float dx, float dy, float dz, float grip, double maxStep) {
        move(0, dx, maxStep, X_MIN, X_MAX);
        move(1, dy, maxStep, Y_MIN, Y_MAX);
        move(2, dz, maxStep, Z_MIN, Z_MAX);
        gripClosed = grip > 0;
        writeCtrl();
    }

    private void move(int axis, float d, double maxStep, double lo, double hi) {
        double a = d != d ? 0 : Math.max(-1, Math.min(1, d));
        double pos = qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, axis);
        double t = target[axis] + a * maxStep;
        t = Math.max(pos - MAX_LEAD, Math.min(pos + MAX_LEAD, t));
        target[axis] = Math.max(lo, Math.min(hi, t));
    }

    private void writeCtrl() {
        for (int i = 0; i < 3; i++) ctrl.setAtIndex(ValueLayout.JAVA_DOUBLE, SceneModel.ACT_X + i, target[i]);
        double f = gripClosed ? FINGER_CLOSED : FINGER_OPEN;
        ctrl.setAtIndex(ValueLayout.JAVA_DOUBLE, SceneModel.ACT_FINGER_L, f);
        ctrl.setAtIndex(ValueLayout.JAVA_DOUBLE, SceneModel.ACT_FINGER_R, f);
    }

    /** Advances n physics steps; returns the vm_step instability/warning flags. */
    int step(int n) {
        return data.step(n);
    }

    /** Steps n physics steps with the current servo targets (used to let a placed scene settle). */
    int settle(int n) {
        writeCtrl();
        return step(n);
    }

    // ---- reading -----------------------------------------------------------------------

    /** Grasp point position, axis 0..2 (m). */
    public double hand(int axis) {
        return qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, axis);
    }

    /** Grasp point velocity, axis 0..2 (m/s). */
    public double handVel(int axis) {
        return qvel.getAtIndex(ValueLayout.JAVA_DOUBLE, axis);
    }

    /** Servo target, axis 0..2. */
    public double target(int axis) {
        return target[axis];
    }

    /** Gap between the finger pads (m). */
    public double fingerOpening() {
        return qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr("finger_l"))
                + qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr("finger_r"));
    }

    /** Whether the last grip command closed the fingers. */
    public boolean gripClosed() {
        return gripClosed;
    }

    /** World position of a body's frame, axis 0..2 (valid after a step or forward). */
    public double body(String name, int axis) {
        return xpos.getAtIndex(ValueLayout.JAVA_DOUBLE, 3L * model.bodyId(name) + axis);
    }

    /** Linear speed of a free body (m/s). */
    public double speed(String body) {
        int v = model.dofAdr(body);
        double x = qvel.getAtIndex(ValueLayout.JAVA_DOUBLE, v), y = qvel.getAtIndex(ValueLayout.JAVA_DOUBLE, v + 1),
                z = qvel.getAtIndex(ValueLayout.JAVA_DOUBLE, v + 2);
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Cosine of a free body's tilt: its z axis against the world's (1 = upright). */
    public double upright(String body) {
        int a = model.qposAdr(body);
        double qx = qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, a + 4), qy = qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, a + 5);
        double w = qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, a + 3), qz = qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, a + 6);
        return (1 - 2 * (qx * qx + qy * qy)) / (w * w + qx * qx + qy * qy + qz * qz);
    }

    /** Position of a joint (m for slides). */
    public double joint(String name) {
        return qpos.getAtIndex(ValueLayout.JAVA_DOUBLE, model.qposAdr(name));
    }

    /**
     * Writes the robot state, float32[S] in {@link EnvSpec}'s order: grasp point x, y, z;
     * its velocity; finger opening; grip command (+1 closed, -1 open).
     */
    void writeState(MemorySegment dst) {
        for (int i = 0; i < 3; i++) {
            dst.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) hand(i));
            dst.setAtIndex(ValueLayout.JAVA_FLOAT, 3 + i, (float) handVel(i));
        }
        dst.setAtIndex(ValueLayout.JAVA_FLOAT, 6, (float) fingerOpening());
        dst.setAtIndex(ValueLayout.JAVA_FLOAT, 7, gripClosed ? 1f : -1f);
    }

    @Override
    public void close() {
        data.close();
    }
}
