package dev.vlarl.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves native resources open: the Java-side count
 * ({@link ResourceTracker}) and the shim's own handle counts must return to where they
 * were before the test.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheck.class);

    private record Counts(long java, long tensors, long modules, long optimisers) {
        static Counts now() {
            return new Counts(ResourceTracker.live(), Torch.liveNativeTensors(), Torch.liveNativeModules(),
                    Torch.liveNativeOptimisers());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", Counts.now());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Counts before = context.getStore(NS).get("before", Counts.class);
        Counts after = Counts.now();
        assertEquals(before, after, () -> "native resources leaked by " + context.getDisplayName() + ": "
                + ResourceTracker.report());
    }
}
