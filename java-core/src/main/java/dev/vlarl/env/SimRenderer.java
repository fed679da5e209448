package dev.vlarl.env;

import dev.vlarl.sim.GlContext;
import dev.vlarl.sim.RenderFlag;
import dev.vlarl.sim.Renderer;
import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Offscreen rendering of environments through MuJoCo's own renderer in one EGL context:
 * one {@link Renderer} per scene model, created on first use. Pixels go straight from the
 * GL read-back into the caller's off-heap buffer, row 0 at the top (the shim flips).
 * Single-threaded: the context is current on the thread that renders.
 */
public final class SimRenderer implements AutoCloseable {
    private final int width;
    private final int height;
    private final GlContext gl;
    private final Map<SceneModel, Renderer> renderers = new IdentityHashMap<>();
    private final boolean shadows;

    /** A renderer without shadows (the shadow pass costs about 60% of a frame with llvmpipe). */
    public SimRenderer(int width, int height) {
        this(width, height, false);
    }

    public SimRenderer(int width, int height, boolean shadows) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive");
        this.width = width;
        this.height = height;
        this.shadows = shadows;
        this.gl = GlContext.create();
    }

    /** EGL platform, vendor and GL renderer, one line. */
    public String describe() {
        return gl.describe();
    }

    private Renderer rendererFor(SceneModel m) {
        Renderer r = renderers.get(m);
        if (r == null) {
            r = Renderer.create(gl, m.model(), width, height);
            r.set(RenderFlag.SHADOW, shadows);
            renderers.put(m, r);
        }
        return r;
    }

    /** Renders the scene's "agentview" camera into {@code rgb}: uint8[H, W, 3], row 0 at the top. */
    public void render(Sim s, MemorySegment rgb) {
        rendererFor(s.model()).render(s.data(), s.model().camera(), rgb);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        for (Renderer r : renderers.values()) r.close();
        renderers.clear();
        gl.close();
    }
}
