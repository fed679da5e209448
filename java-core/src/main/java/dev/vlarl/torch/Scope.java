package dev.vlarl.torch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Owns native resources and child scopes; closing a scope closes what it owns, newest
 * first, and then itself (DJL's NDManager in spirit). Closing a resource early is
 * allowed and removes it from its scope.
 *
 * <pre>{@code
 * try (Scope step = Scope.open()) {
 *     Tensor x = step.attach(Tensor.zeros(DType.FLOAT32, 8, 4));
 *     ...
 * } // x closed here
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    private final Set<AutoCloseable> owned = new LinkedHashSet<>();
    private final Scope parent;
    private boolean closed;

    private Scope(Scope parent) {
        this.parent = parent;
    }

    /** A new root scope. */
    public static Scope open() {
        return new Scope(null);
    }

    /** A child scope, closed with this one unless closed first. */
    public synchronized Scope child() {
        ensureOpen();
        Scope c = new Scope(this);
        owned.add(c);
        return c;
    }

    /** Makes this scope the owner of {@code resource} and returns it. */
    public synchronized <T extends NativeResource> T attach(T resource) {
        ensureOpen();
        resource.setOwner(this);
        owned.add(resource);
        return resource;
    }

    /** Resources and child scopes owned right now. */
    public synchronized int size() {
        return owned.size();
    }

    synchronized void forget(AutoCloseable c) {
        owned.remove(c);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("scope is closed");
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toClose = new ArrayList<>(owned);
            owned.clear();
        }
        RuntimeException first = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                else first.addSuppressed(e);
            }
        }
        if (parent != null) parent.forget(this);
        if (first != null) throw first;
    }
}
