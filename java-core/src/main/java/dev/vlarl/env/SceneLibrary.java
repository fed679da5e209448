package dev.vlarl.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Compiles each scene once and shares it: the owner of every {@link SceneModel} it hands out. */
public final class SceneLibrary implements AutoCloseable {
    private final Map<String, SceneModel> models = new LinkedHashMap<>();

    /** The model for this body set, compiled on first use. */
    public synchronized SceneModel get(Set<String> bodies) {
        return models.computeIfAbsent(Scenes.key(bodies), k -> new SceneModel(bodies));
    }

    /** Models compiled so far. */
    public synchronized int size() {
        return models.size();
    }

    @Override
    public synchronized void close() {
        for (SceneModel m : models.values()) m.close();
        models.clear();
    }
}
