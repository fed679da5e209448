package dev.vlarl.sim;

import static dev.vlarl.bindings.VlarlMujoco.check;

import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.torch.NativeResource;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * MuJoCo's own renderer (mjvScene + mjrContext) for one model at one image size, drawing
 * offscreen in a {@link GlContext}. {@link #render} writes {@code uint8[height, width, 3]}
 * RGB with row 0 at the top straight into caller-owned memory: no copy through Java, no
 * allocation per frame. Renders only when asked. Use from one thread at a time (any thread:
 * each call borrows the GL context, see {@link GlContext}).
 */
public final class Renderer extends NativeResource {
    private final GlContext gl;
    private final MjModel model;
    private final int width, height;
    private final MemorySegment handle;
    private final Arena arena;
    private final MemorySegment freeCamera; // double[6]: lookat x y z, distance, azimuth, elevation

    private Renderer(GlContext gl, MjModel model, int width, int height, MemorySegment handle) {
        this.gl = gl;
        this.model = model;
        this.width = width;
        this.height = height;
        this.handle = handle;
        this.arena = Arena.ofShared();
        this.freeCamera = arena.allocate(ValueLayout.JAVA_DOUBLE, 6);
    }

    /** A renderer with room for 1000 geoms in its scene. */
    public static Renderer create(GlContext gl, MjModel model, int width, int height) {
        return create(gl, model, width, height, 0);
    }

    /** A renderer with room for {@code maxGeom} geoms (<= 0: 1000). */
    public static Renderer create(GlContext gl, MjModel model, int width, int height, int maxGeom) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size " + width + "x" + height);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            check(VlarlMujoco.vm_renderer_create(gl.handle(), model.handle(), width, height, maxGeom, out));
            MemorySegment h = out.get(ValueLayout.ADDRESS, 0);
            Renderer r;
            try {
                r = new Renderer(gl, model, width, height, h);
            } catch (RuntimeException | Error e) {
                VlarlMujoco.vm_renderer_free(h);
                throw e;
            }
            try {
                gl.adopt(r);
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
            return r;
        }
    }

    /** Turns a renderer option on or off; returns this renderer. */
    public Renderer set(RenderFlag flag, boolean on) {
        check(VlarlMujoco.vm_renderer_set_flag(handle(), flag.code, on ? 1 : 0));
        return this;
    }

    /** Shows or hides geom group {@code group} (0..5; MuJoCo shows 0-2 by default); returns this renderer. */
    public Renderer setGeomGroupVisible(int group, boolean visible) {
        if (group < 0 || group > 5) throw new IllegalArgumentException("geom group " + group + " not in 0..5");
        check(VlarlMujoco.vm_renderer_set_flag(handle(), VlarlMujoco.VM_RENDER_GEOMGROUP_0 + group, visible ? 1 : 0));
        return this;
    }

    private MemorySegment handle() {
        ensureOpen();
        return handle;
    }

    /** The model this renderer draws. */
    public MjModel model() {
        return model;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** Bytes of one RGB frame: height * width * 3. */
    public long rgbBytes() {
        return (long) height * width * 3;
    }

    /** Renders {@code data} through {@code camera} into {@code rgb} (uint8[height, width, 3], top row first). */
    public void render(MjData data, Camera camera, MemorySegment rgb) {
        render(data, camera, rgb, MemorySegment.NULL);
    }

    /**
     * As {@link #render(MjData, Camera, MemorySegment)}, and also the depth buffer into
     * {@code depth} (float32[height, width], OpenGL depth in [0, 1], top row first) unless it
     * is {@link MemorySegment#NULL}. Either may be NULL, not both.
     */
    public void render(MjData data, Camera camera, MemorySegment rgb, MemorySegment depth) {
        ensureOpen();
        if (data.model() != model) throw new IllegalArgumentException("the data belongs to another model than this renderer");
        boolean noRgb = rgb.equals(MemorySegment.NULL), noDepth = depth.equals(MemorySegment.NULL);
        if (noRgb && noDepth) throw new IllegalArgumentException("no output: rgb and depth are both NULL");
        if (!noRgb) checkBuffer(rgb, rgbBytes(), "rgb");
        if (!noDepth) checkBuffer(depth, (long) height * width * Float.BYTES, "depth");
        model.handle(); // refuses a closed model: the native renderer reads it
        check(VlarlMujoco.vm_render(handle, data.handle(), camera.id(), freeCamera(camera), rgb, depth));
    }

    /**
     * Renders which model geom each pixel shows into {@code geomIds} (int32[height, width],
     * top row first): a geom id, or -1 for background. With multisampling
     * ({@code <quality offsamples>} > 0) edge pixels can carry a neighbour's id.
     */
    public void renderSegmentation(MjData data, Camera camera, MemorySegment geomIds) {
        ensureOpen();
        if (data.model() != model) throw new IllegalArgumentException("the data belongs to another model than this renderer");
        checkBuffer(geomIds, (long) height * width * Integer.BYTES, "geomIds");
        model.handle();
        check(VlarlMujoco.vm_render_segmentation(handle, data.handle(), camera.id(), freeCamera(camera), geomIds));
    }

    /** The free-camera parameters for the shim, or NULL for a model camera / the default free camera. */
    private MemorySegment freeCamera(Camera camera) {
        if (camera.id() >= 0 || camera.isDefaultFree()) return MemorySegment.NULL;
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, camera.x);
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, camera.y);
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 2, camera.z);
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 3, camera.distance);
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 4, camera.azimuth);
        freeCamera.setAtIndex(ValueLayout.JAVA_DOUBLE, 5, camera.elevation);
        return freeCamera;
    }

    private static void checkBuffer(MemorySegment s, long need, String what) {
        if (!s.isNative()) throw new IllegalArgumentException(what + " must be off-heap memory");
        if (s.byteSize() < need) {
            throw new IllegalArgumentException(what + " buffer holds " + s.byteSize() + " bytes, the frame needs " + need);
        }
    }

    @Override
    protected void release() {
        gl.forget(this);
        arena.close();
        check(VlarlMujoco.vm_renderer_free(handle));
    }
}
