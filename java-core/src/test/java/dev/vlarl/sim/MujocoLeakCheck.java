package dev.vlarl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves MuJoCo handles alive in the shim (models, datas, GL contexts,
 * renderers, as counted by vm_live_handles). Use next to dev.vlarl.torch.LeakCheck, which
 * counts the Java side.
 */
public final class MujocoLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MujocoLeakCheck.class);

    private record Counts(long models, long datas, long glContexts, long renderers) {
        static Counts now() {
            return new Counts(Mujoco.liveNativeModels(), Mujoco.liveNativeDatas(), Mujoco.liveNativeGlContexts(),
                    Mujoco.liveNativeRenderers());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", Counts.now());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Counts before = context.getStore(NS).get("before", Counts.class);
        assertEquals(before, Counts.now(), () -> "MuJoCo handles leaked by " + context.getDisplayName());
    }
}
