package dev.vlarl.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts live {@link NativeResource}s. With {@code -Dvlarl.debug.leaks=true} (or
 * {@link #setRecordCreationSites(boolean)}) it also keeps the stack trace of each
 * creation, and {@link #report()} lists where the survivors came from.
 */
public final class ResourceTracker {
    private static final AtomicLong LIVE = new AtomicLong();
    private static final Map<Entry, Throwable> SITES = new ConcurrentHashMap<>();
    private static volatile boolean recordSites = Boolean.getBoolean("vlarl.debug.leaks");

    private ResourceTracker() {}

    /** A registration token; identity-compared. */
    static final class Entry {
        final String kind;

        Entry(String kind) {
            this.kind = kind;
        }
    }

    static Entry register(NativeResource r) {
        Entry e = new Entry(r.getClass().getSimpleName());
        LIVE.incrementAndGet();
        if (recordSites) {
            SITES.put(e, new Throwable(e.kind + " created here"));
        }
        return e;
    }

    static void unregister(Entry e) {
        LIVE.decrementAndGet();
        if (!SITES.isEmpty()) SITES.remove(e);
    }

    /** Native resources created and not yet closed, in this JVM. */
    public static long live() {
        return LIVE.get();
    }

    /** Turns creation-site recording on or off (costly: one stack trace per resource). */
    public static void setRecordCreationSites(boolean on) {
        recordSites = on;
    }

    /** Creation sites of the live resources that were created while recording was on. */
    public static List<Throwable> creationSites() {
        return new ArrayList<>(SITES.values());
    }

    /** A readable summary: the live count and, when recorded, where each was created. */
    public static String report() {
        StringBuilder sb = new StringBuilder().append(live()).append(" live native resource(s)");
        for (Throwable t : SITES.values()) {
            sb.append("\n  ").append(t.getMessage());
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(st.length, 8); i++) sb.append("\n    at ").append(st[i]);
        }
        return sb.toString();
    }
}
