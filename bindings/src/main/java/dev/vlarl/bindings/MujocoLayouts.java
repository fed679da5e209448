package dev.vlarl.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Sizes and field offsets of MuJoCo structs as the installed headers define them, read from
 * the shim ({@code vm_sizeof} / {@code vm_offsetof}, computed there with sizeof / offsetof).
 * Never type an offset by hand: ask here. The layout classes ({@link MjModelLayout},
 * {@link MjDataLayout}) keep the ones Java reads as static finals.
 */
public final class MujocoLayouts {
    private MujocoLayouts() {}

    /** sizeof(type), e.g. "mjModel". */
    public static long sizeOf(String type) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_LONG);
            VlarlMujoco.check(VlarlMujoco.vm_sizeof(a.allocateFrom(type), out));
            return out.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** offsetof(type, field), e.g. ("mjModel", "opt.timestep"). */
    public static long offsetOf(String type, String field) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_LONG);
            VlarlMujoco.check(VlarlMujoco.vm_offsetof(a.allocateFrom(type), a.allocateFrom(field), out));
            return out.get(ValueLayout.JAVA_LONG, 0);
        }
    }
}
