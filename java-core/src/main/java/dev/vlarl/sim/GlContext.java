package dev.vlarl.sim;

import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.Egl;
import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An offscreen OpenGL context through EGL (no window, no display server): the GPU's EGL
 * device where there is one, Mesa's surfaceless platform (llvmpipe) otherwise. It owns the
 * {@link Renderer}s made in it: closing it closes them first.
 *
 * <p>Each render borrows the context: it is made current on the calling thread for that
 * call and released after, so any thread may render with it, one at a time (two threads at
 * once get a {@link dev.vlarl.bindings.MujocoException}, not a crash). For parallel
 * rendering use one context per thread. {@link #makeCurrent()} keeps it current on a thread
 * (two eglMakeCurrent calls fewer per frame) until {@link #releaseCurrent()} there.
 */
public final class GlContext extends NativeResource {
    private final MemorySegment handle;
    private final MemorySegment eglDisplay;
    private final MemorySegment eglContext;
    private final String description;
    private final Set<Renderer> renderers = new LinkedHashSet<>();

    private GlContext(MemorySegment handle) {
        this.handle = handle;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS, 2);
            check(VlarlMujoco.vm_gl_egl_handles(handle, out, out.asSlice(8)));
            this.eglDisplay = out.get(ValueLayout.ADDRESS, 0);
            this.eglContext = out.get(ValueLayout.ADDRESS, 8);
            check(VlarlMujoco.vm_gl_describe(handle, out));
            this.description = out.get(ValueLayout.ADDRESS, 0).reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    /** Creates the context (not left current on any thread). */
    public static GlContext create() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_gl_create(out));
            MemorySegment h = out.get(ValueLayout.ADDRESS, 0);
            try {
                return new GlContext(h);
            } catch (RuntimeException | Error e) {
                VlarlMujoco.vm_gl_free(h);
                throw e;
            }
        }
    }

    MemorySegment handle() {
        ensureOpen();
        return handle;
    }

    /** One line: EGL platform and version, vendor, GL version and renderer. */
    public String describe() {
        return description;
    }

    /** Whether this context is current on the calling thread (asked from EGL directly). */
    public boolean isCurrent() {
        ensureOpen();
        return Egl.eglGetCurrentContext().address() == eglContext.address();
    }

    /** The EGL vendor of the display ("Mesa Project", "NVIDIA"). */
    public String eglVendor() {
        ensureOpen();
        return Egl.queryString(eglDisplay, Egl.EGL_VENDOR);
    }

    /** The EGL version string of the display. */
    public String eglVersion() {
        ensureOpen();
        return Egl.queryString(eglDisplay, Egl.EGL_VERSION);
    }

    /** The display's EGL extensions. */
    public List<String> eglExtensions() {
        ensureOpen();
        return List.of(Egl.queryString(eglDisplay, Egl.EGL_EXTENSIONS).trim().split("\\s+"));
    }

    /** Keeps the context current on the calling thread until {@link #releaseCurrent()} here. */
    public void makeCurrent() {
        check(VlarlMujoco.vm_gl_make_current(handle()));
    }

    /** Detaches the context from the calling thread (if current here) so another may use it. */
    public void releaseCurrent() {
        check(VlarlMujoco.vm_gl_release_current(handle()));
    }

    synchronized void adopt(Renderer r) {
        ensureOpen();
        renderers.add(r);
    }

    synchronized void forget(Renderer r) {
        renderers.remove(r);
    }

    @Override
    protected void release() {
        List<Renderer> open;
        synchronized (this) {
            open = new ArrayList<>(renderers);
            renderers.clear();
        }
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        VlarlMujoco.vm_gl_free(handle);
    }

    @Override
    public String toString() {
        return "GlContext[" + description + "]";
    }
}
