package dev.vlarl.torch;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One native resource with one owner. Closing is idempotent and thread-safe; a closed
 * resource refuses use. Every live resource is counted by {@link ResourceTracker}, so a
 * test (or a long run) can see leaks; with {@code -Dvlarl.debug.leaks=true} the tracker
 * also records where each one was created.
 */
public abstract class NativeResource implements AutoCloseable {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ResourceTracker.Entry entry;
    private volatile Scope owner;

    protected NativeResource() {
        this.entry = ResourceTracker.register(this);
    }

    /** Releases the native side exactly once. */
    protected abstract void release();

    /** Whether {@link #close()} has run. */
    public final boolean isClosed() {
        return closed.get();
    }

    /** Throws if this resource was closed. */
    protected final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
    }

    final void setOwner(Scope scope) {
        if (owner != null && owner != scope) {
            throw new IllegalStateException(getClass().getSimpleName() + " already belongs to another scope");
        }
        owner = scope;
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                release();
            } finally {
                ResourceTracker.unregister(entry);
                Scope s = owner;
                if (s != null) s.forget(this);
            }
        }
    }
}
