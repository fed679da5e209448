package dev.vlarl.sim;

import dev.vlarl.bindings.VlarlMujoco;

/** Process-wide facts about the MuJoCo shim. */
public final class Mujoco {
    private Mujoco() {}

    /** MuJoCo's library version, e.g. 222 for 2.2.2. */
    public static int version() {
        return VlarlMujoco.vm_mj_version();
    }

    /** The last MuJoCo warning raised on this thread ("" if none). */
    public static String lastWarning() {
        return VlarlMujoco.lastWarningMessage();
    }

    /** Native models / datas / GL contexts / renderers alive in the shim right now. */
    public static long liveNativeModels() {
        return VlarlMujoco.vm_live_handles(VlarlMujoco.VM_LIVE_MODELS);
    }

    public static long liveNativeDatas() {
        return VlarlMujoco.vm_live_handles(VlarlMujoco.VM_LIVE_DATAS);
    }

    public static long liveNativeGlContexts() {
        return VlarlMujoco.vm_live_handles(VlarlMujoco.VM_LIVE_GL);
    }

    public static long liveNativeRenderers() {
        return VlarlMujoco.vm_live_handles(VlarlMujoco.VM_LIVE_RENDERERS);
    }

    /**
     * Raises mju_error(message) inside the shim, through the replaced error hook: always
     * throws the {@link dev.vlarl.bindings.MujocoException} that any MuJoCo error becomes.
     * For tests of the hook.
     */
    public static void forceError(String message) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            VlarlMujoco.check(VlarlMujoco.vm_force_error(arena.allocateFrom(message)));
        }
    }
}
