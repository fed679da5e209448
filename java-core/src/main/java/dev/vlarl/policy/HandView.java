package dev.vlarl.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The calibration behind an adapter's hand view ({@link PolicyConfig#handCrop()}): a pinhole
 * camera (position, orientation as MuJoCo's {@code xyaxes}, vertical field of view) and its
 * projection of a point in the table frame to image grid coordinates in [-1, 1] (x to the
 * right, y down, the image's centre at 0), where the policy crops around the gripper.
 *
 * <p>For the simulation suite it is the scene's {@code agentview} camera, read from the scene
 * file ({@link #suiteCamera()}); a robot with another camera needs its own calibration here.
 * Immutable and thread-safe.
 */
public final class HandView {
    private static final String SCENE = "/dev/vlarl/env/scenes/tabletop.xml";
    private static volatile HandView suite;

    private final double[] m;  // the 3x4 projection, row-major (see projection())

    /**
     * @param pos camera position (m, table frame)
     * @param xyaxes the camera's x axis (image right) then y axis (image up), as in MJCF: x is
     *     normalised, y made orthogonal to x and normalised; the camera looks along -(x cross y)
     * @param fovyDegrees vertical field of view (the images are square)
     */
    public HandView(double[] pos, double[] xyaxes, double fovyDegrees) {
        if (pos.length != 3 || xyaxes.length != 6) throw new IllegalArgumentException("a camera needs 3 position and 6 axis values");
        if (!(fovyDegrees > 0 && fovyDegrees < 180)) throw new IllegalArgumentException("fovy must be in (0, 180) degrees, got " + fovyDegrees);
        double[] x = java.util.Arrays.copyOfRange(xyaxes, 0, 3), y = java.util.Arrays.copyOfRange(xyaxes, 3, 6);
        normalise(x);
        double d = dot(x, y);
        for (int i = 0; i < 3; i++) y[i] -= d * x[i];
        normalise(y);
        double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
        double f = 1.0 / Math.tan(Math.toRadians(fovyDegrees) / 2);
        // camera frame: right = x.d, up = y.d, depth = -z.d for d = point - pos; grid x = f right / depth, grid y = -f up / depth
        this.m = new double[] {
            f * x[0], f * x[1], f * x[2], -f * dot(x, pos),
            -f * y[0], -f * y[1], -f * y[2], f * dot(y, pos),
            -z[0], -z[1], -z[2], dot(z, pos)};
    }

    /** The simulation suite's observation camera ("agentview" in the scene file). */
    public static HandView suiteCamera() {
        HandView v = suite;
        if (v == null) suite = v = fromScene(SCENE, "agentview");
        return v;
    }

    static HandView fromScene(String resource, String camera) {
        try (InputStream in = HandView.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("scene resource " + resource + " is missing");
            NodeList cams = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("camera");
            for (int i = 0; i < cams.getLength(); i++) {
                Element e = (Element) cams.item(i);
                if (camera.equals(e.getAttribute("name")))
                    return new HandView(numbers(e.getAttribute("pos")), numbers(e.getAttribute("xyaxes")),
                            Double.parseDouble(e.getAttribute("fovy")));
            }
            throw new IllegalStateException("scene " + resource + " has no camera '" + camera + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot read scene " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Grid coordinates {@code {gx, gy}} in [-1, 1] of a table-frame point in front of the
     * camera (x right, y down; pixel column = (gx + 1) / 2 * side - 0.5).
     */
    public double[] project(double px, double py, double pz) {
        double w = m[8] * px + m[9] * py + m[10] * pz + m[11];
        return new double[] {(m[0] * px + m[1] * py + m[2] * pz + m[3]) / w, (m[4] * px + m[5] * py + m[6] * pz + m[7]) / w};
    }

    /**
     * The 3x4 projection, row-major, as the native model reads it: rows give gx * w, gy * w and
     * w for a homogeneous table-frame point (w = depth in front of the camera).
     */
    public double[] projection() {
        return m.clone();
    }

    /** {@link #projection()} as the native config value: 12 numbers separated by spaces. */
    String nativeProjection() {
        StringBuilder b = new StringBuilder();
        for (double v : projection()) b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.9g", v));
        return b.toString();
    }

    private static double[] numbers(String text) {
        String[] parts = text.trim().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (!(n > 0)) throw new IllegalArgumentException("camera axis must not be zero");
        for (int i = 0; i < 3; i++) v[i] /= n;
    }
}
