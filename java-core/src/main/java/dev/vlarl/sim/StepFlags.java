package dev.vlarl.sim;

import dev.vlarl.bindings.VlarlMujoco;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags {@link MjData#step} returns: bit i < 8 is MuJoCo warning i (mjtWarning) raised
 * during the call, {@link #NONFINITE} a NaN/Inf left in the state. 0 means a clean step.
 * An unstable step ({@link #isUnstable}) should end the episode as a failure: MuJoCo has
 * already reset the state for bad qpos/qvel/qacc, so it no longer continues the episode.
 */
public final class StepFlags {
    private StepFlags() {}

    public static final int INERTIA = VlarlMujoco.VM_STEP_WARN_INERTIA;
    public static final int CONTACT_FULL = VlarlMujoco.VM_STEP_WARN_CONTACTFULL;
    public static final int CONSTRAINT_FULL = VlarlMujoco.VM_STEP_WARN_CNSTRFULL;
    public static final int VGEOM_FULL = VlarlMujoco.VM_STEP_WARN_VGEOMFULL;
    public static final int BAD_QPOS = VlarlMujoco.VM_STEP_WARN_BADQPOS;
    public static final int BAD_QVEL = VlarlMujoco.VM_STEP_WARN_BADQVEL;
    public static final int BAD_QACC = VlarlMujoco.VM_STEP_WARN_BADQACC;
    public static final int BAD_CTRL = VlarlMujoco.VM_STEP_WARN_BADCTRL;
    public static final int NONFINITE = VlarlMujoco.VM_STEP_NONFINITE;
    /** The bits that make a step unstable. */
    public static final int UNSTABLE = VlarlMujoco.VM_STEP_UNSTABLE_MASK;

    /** Whether the flags say the simulation went unstable. */
    public static boolean isUnstable(int flags) {
        return (flags & UNSTABLE) != 0;
    }

    /** A readable reason, e.g. "bad qacc (MuJoCo reset the state)"; "ok" for 0. */
    public static String describe(int flags) {
        if (flags == 0) return "ok";
        List<String> parts = new ArrayList<>();
        if ((flags & INERTIA) != 0) parts.add("near-singular inertia");
        if ((flags & CONTACT_FULL) != 0) parts.add("contact buffer full");
        if ((flags & CONSTRAINT_FULL) != 0) parts.add("constraint buffer full");
        if ((flags & VGEOM_FULL) != 0) parts.add("visual geom buffer full");
        if ((flags & BAD_QPOS) != 0) parts.add("bad qpos (MuJoCo reset the state)");
        if ((flags & BAD_QVEL) != 0) parts.add("bad qvel (MuJoCo reset the state)");
        if ((flags & BAD_QACC) != 0) parts.add("bad qacc (MuJoCo reset the state)");
        if ((flags & BAD_CTRL) != 0) parts.add("bad ctrl");
        if ((flags & NONFINITE) != 0) parts.add("NaN/Inf in the state");
        return String.join("; ", parts);
    }
}
