package dev.vlarl.env;

import static dev.vlarl.bindings.VlarlMujoco.C_POINTER;
import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.VlarlMujoco;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Offscreen rendering of environments through MuJoCo's own renderer in one EGL context:
 * one renderer per scene model, created on first use. Pixels go straight from the GL
 * read-back into the caller's off-heap buffer, row 0 at the top (the shim flips).
 * Single-threaded: the context is current on the thread that renders.
 */
public final class SimRenderer implements AutoCloseable {
    private final int width;
    private final int height;
    private final Arena arena = Arena.ofShared();
    private MemorySegment gl;
    private final Map<SceneModel, MemorySegment> renderers = new IdentityHashMap<>();
    private String description;

    public SimRenderer(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive");
        this.width = width;
        this.height = height;
        MemorySegment out = arena.allocate(C_POINTER);
        check(VlarlMujoco.vm_gl_create(out));
        gl = out.get(C_POINTER, 0);
    }

    /** EGL platform, vendor and GL renderer, one line. */
    public String describe() {
        if (description == null) {
            MemorySegment out = arena.allocate(C_POINTER);
            check(VlarlMujoco.vm_gl_describe(gl, out));
            description = out.get(C_POINTER, 0).reinterpret(Long.MAX_VALUE).getString(0);
        }
        return description;
    }

    private MemorySegment rendererFor(SceneModel m) {
        MemorySegment r = renderers.get(m);
        if (r == null) {
            MemorySegment out = arena.allocate(C_POINTER);
            check(VlarlMujoco.vm_renderer_create(gl, m.handle(), width, height, 0, out));
            r = out.get(C_POINTER, 0);
            renderers.put(m, r);
        }
        return r;
    }

    /** Renders the scene's "agentview" camera into {@code rgb}: uint8[H, W, 3], row 0 at the top. */
    public void render(Sim s, MemorySegment rgb) {
        if (rgb.byteSize() < (long) width * height * 3) throw new IllegalArgumentException("image buffer too small");
        MemorySegment r = rendererFor(s.model());
        check(VlarlMujoco.vm_render(r, s.handle(), s.model().camera(), MemorySegment.NULL, rgb, MemorySegment.NULL));
    }

    /** Frees the renderers of a model before it is closed. */
    void forget(SceneModel m) {
        MemorySegment r = renderers.remove(m);
        if (r != null) VlarlMujoco.vm_renderer_free(r);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        for (MemorySegment r : renderers.values()) VlarlMujoco.vm_renderer_free(r);
        renderers.clear();
        if (gl != null) {
            VlarlMujoco.vm_gl_free(gl);
            gl = null;
        }
        if (arena.scope().isAlive()) arena.close();
    }
}
