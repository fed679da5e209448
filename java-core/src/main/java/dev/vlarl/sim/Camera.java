package dev.vlarl.sim;

/**
 * What a {@link Renderer} looks through: a camera of the model, or a free camera orbiting a
 * point. An immutable value: make it once, render with it every frame.
 */
public final class Camera {
    private final int id;
    private final boolean defaultFree;
    final double x, y, z, distance, azimuth, elevation;

    private Camera(int id, boolean defaultFree, double x, double y, double z, double distance, double azimuth,
            double elevation) {
        this.id = id;
        this.defaultFree = defaultFree;
        this.x = x;
        this.y = y;
        this.z = z;
        this.distance = distance;
        this.azimuth = azimuth;
        this.elevation = elevation;
    }

    /** Model camera {@code id}. */
    public static Camera fixed(int id) {
        if (id < 0) throw new IllegalArgumentException("camera id must be >= 0, got " + id);
        return new Camera(id, false, 0, 0, 0, 0, 0, 0);
    }

    /** The model camera of that name (throws naming the model's cameras if there is none). */
    public static Camera named(MjModel model, String name) {
        return fixed(model.id(MjObj.CAMERA, name));
    }

    /**
     * A free camera looking at (x, y, z) in metres from {@code distance} metres, turned
     * {@code azimuth} degrees about the vertical axis and {@code elevation} degrees above the
     * horizontal (negative looks down).
     */
    public static Camera free(double x, double y, double z, double distance, double azimuth, double elevation) {
        if (!(distance > 0) || Double.isInfinite(distance)) {
            throw new IllegalArgumentException("free camera distance must be finite and > 0, got " + distance);
        }
        return new Camera(-1, false, x, y, z, distance, azimuth, elevation);
    }

    /** MuJoCo's default free camera, framing the whole model. */
    public static Camera defaultFree() {
        return new Camera(-1, true, 0, 0, 0, 0, 0, 0);
    }

    /** The model camera id, or -1 for a free camera. */
    public int id() {
        return id;
    }

    boolean isDefaultFree() {
        return defaultFree;
    }

    @Override
    public String toString() {
        if (id >= 0) return "Camera[id=" + id + "]";
        if (defaultFree) return "Camera[default free]";
        return "Camera[free lookat=(" + x + ", " + y + ", " + z + ") distance=" + distance + " azimuth=" + azimuth
                + " elevation=" + elevation + "]";
    }
}
