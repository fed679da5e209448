package dev.vlarl.torch;

/**
 * Fails a test that leaves native resources open: the Java-side count
 * ({@link ResourceTracker}) and the shim's own handle counts must return to where they
 * were before the test.
 */
public final class LeakCheck extends CountSnapshotCheck {
    private record Counts(long java, long tensors, long modules, long optimisers) {}

    @Override
    protected Object snapshot() {
        return new Counts(ResourceTracker.live(), Torch.liveNativeTensors(), Torch.liveNativeModules(),
                Torch.liveNativeOptimisers());
    }

    @Override
    protected String leakMessage(String testName) {
        return "native resources leaked by " + testName + ": " + ResourceTracker.report();
    }
}
