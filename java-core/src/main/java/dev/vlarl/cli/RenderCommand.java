package dev.vlarl.cli;

import dev.vlarl.sim.Camera;
import dev.vlarl.sim.GlContext;
import dev.vlarl.sim.MjData;
import dev.vlarl.sim.MjModel;
import dev.vlarl.sim.Mujoco;
import dev.vlarl.sim.RenderFlag;
import dev.vlarl.sim.Renderer;
import java.awt.image.BufferedImage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Renders one frame of an MJCF model offscreen (EGL) to a PNG: a quick look at a scene. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render one frame of an MJCF model offscreen through EGL into a PNG.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "MJCF file")
    Path model;

    @Option(names = {"-o", "--out"}, description = "PNG to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("frame.png");

    @Option(names = "--camera", description = "model camera name, or 'free' for MuJoCo's default free camera (default: ${DEFAULT-VALUE})")
    String camera = "free";

    @Option(names = "--width", description = "image width (default: ${DEFAULT-VALUE})")
    int width = 256;

    @Option(names = "--height", description = "image height (default: ${DEFAULT-VALUE})")
    int height = 256;

    @Option(names = "--steps", description = "physics steps (zero controls) before the frame (default: ${DEFAULT-VALUE})")
    int steps = 0;

    @Option(names = "--no-shadows", description = "turn the shadow pass off (much faster on a CPU renderer)")
    boolean noShadows;

    @Override
    public Integer call() throws Exception {
        try (Arena arena = Arena.ofConfined(); GlContext gl = GlContext.create();
                MjModel m = MjModel.fromFile(model); MjData d = m.makeData();
                Renderer r = Renderer.create(gl, m, width, height)) {
            System.out.printf("MuJoCo   %d%n", Mujoco.version());
            System.out.printf("GL       %s%n", gl.describe());
            System.out.printf("model    %s%n", m);
            if (noShadows) r.set(RenderFlag.SHADOW, false);
            if (steps > 0) {
                int flags = d.step(steps);
                if (flags != 0) System.out.printf("step     %s%n", dev.vlarl.sim.StepFlags.describe(flags));
            }
            Camera cam = camera.equals("free") ? Camera.defaultFree() : Camera.named(m, camera);
            MemorySegment rgb = arena.allocate(r.rgbBytes());
            r.render(d, cam, rgb); // warm-up: the first frame compiles shaders
            long t0 = System.nanoTime();
            r.render(d, cam, rgb);
            long ns = System.nanoTime() - t0;
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    long i = ((long) y * width + x) * 3;
                    int rr = Byte.toUnsignedInt(rgb.get(ValueLayout.JAVA_BYTE, i));
                    int gg = Byte.toUnsignedInt(rgb.get(ValueLayout.JAVA_BYTE, i + 1));
                    int bb = Byte.toUnsignedInt(rgb.get(ValueLayout.JAVA_BYTE, i + 2));
                    img.setRGB(x, y, rr << 16 | gg << 8 | bb);
                }
            }
            ImageIO.write(img, "png", out.toFile());
            System.out.printf("frame    %dx%d in %.2f ms -> %s%n", width, height, ns / 1e6, out);
        }
        return 0;
    }
}
