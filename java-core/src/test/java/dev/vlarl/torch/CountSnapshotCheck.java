package dev.vlarl.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The leak-check mechanism: takes a snapshot of some live-handle counts before each test
 * and fails the test when the counts differ afterwards. Subclasses say what they count.
 */
public abstract class CountSnapshotCheck implements BeforeEachCallback, AfterEachCallback {
    private final ExtensionContext.Namespace ns = ExtensionContext.Namespace.create(getClass());

    /** The counts now, as a value with equals (a record). */
    protected abstract Object snapshot();

    /** The failure message for a test that left handles alive. */
    protected abstract String leakMessage(String testName);

    @Override
    public final void beforeEach(ExtensionContext context) {
        context.getStore(ns).put("before", snapshot());
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        Object before = context.getStore(ns).get("before");
        assertEquals(before, snapshot(), () -> leakMessage(context.getDisplayName()));
    }
}
