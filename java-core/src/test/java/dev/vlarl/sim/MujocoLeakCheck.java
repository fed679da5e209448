package dev.vlarl.sim;

import dev.vlarl.torch.CountSnapshotCheck;

/**
 * Fails a test that leaves MuJoCo handles alive in the shim (models, datas, GL contexts,
 * renderers, as counted by vm_live_handles). Use next to dev.vlarl.torch.LeakCheck, which
 * counts the Java side.
 */
public final class MujocoLeakCheck extends CountSnapshotCheck {
    private record Counts(long models, long datas, long glContexts, long renderers) {}

    @Override
    protected Object snapshot() {
        return new Counts(Mujoco.liveNativeModels(), Mujoco.liveNativeDatas(), Mujoco.liveNativeGlContexts(),
                Mujoco.liveNativeRenderers());
    }

    @Override
    protected String leakMessage(String testName) {
        return "MuJoCo handles leaked by " + testName;
    }
}
