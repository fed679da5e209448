package dev.vlarl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.Scenes;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.sim.Camera;
import dev.vlarl.sim.GlContext;
import dev.vlarl.sim.MjData;
import dev.vlarl.sim.MjModel;
import dev.vlarl.sim.RenderFlag;
import dev.vlarl.sim.Renderer;
import dev.vlarl.sim.StepFlags;
import java.lang.foreign.Arena;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vlarl envs bench}: physics steps/s and rendered frames/s of the batched
 * environments for N = 1, 8, 32, beside the plain C loop {@code vm_loop} (same MJCF, same
 * shim calls: write ctrl, vm_step with 10 substeps, vm_render), for the full scene and for
 * a tiny physics-only model where call overhead shows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the environments (Java-driven vs the plain C loop vm_loop).")
final class EnvsBenchCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "object/blue_cube_on_plate", description = "Task whose scene is stepped (default ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--sizes", defaultValue = "1,8,32", split = ",", description = "Batch sizes N (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--actions", defaultValue = "2000", description = "Actions (control steps) timed per measurement, over all N (default ${DEFAULT-VALUE}).")
    int actions;

    @Option(names = "--frames", defaultValue = "200", description = "Frames rendered per measurement (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--json", description = "Also write the results here as JSON.")
    Path json;

    /** A one-body model: physics cost is tiny, so per-call overhead shows. */
    static final String TINY = """
            <mujoco model="tiny"><option timestep="0.002"/>
              <worldbody><body name="b"><joint name="j" type="slide" axis="1 0 0"/>
                <geom type="sphere" size="0.02" mass="0.1"/></body></worldbody>
              <actuator><position joint="j" kp="10"/></actuator></mujoco>""";

    @Override
    public Integer call() throws Exception {
        Task t = TaskRegistry.get(task);
        EnvSpec spec = EnvSpec.defaults();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", t.name());
        result.put("substeps", spec.substepsPerAction());
        result.put("image", spec.imageWidth() + "x" + spec.imageHeight());
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.printf("scene of %s, %d substeps per action, images %dx%d%n", t.name(), spec.substepsPerAction(), spec.imageWidth(), spec.imageHeight());
        System.out.printf("%-6s %16s %14s %16s %14s%n", "N", "physics steps/s", "us/substep", "frames/s", "ms/frame");
        for (int n : sizes) {
            try (BatchedEnv env = new BatchedEnv(spec, n); ActionChunk chunk = new ActionChunk(n, spec.chunkLength())) {
                Random r = new Random(1);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < spec.chunkLength(); k++)
                        for (int d = 0; d < 3; d++) chunk.set(i, k, d, (r.nextFloat() - 0.5f) * 0.2f);
                }
                int chunks = Math.max(1, actions / (n * spec.chunkLength()));
                double physics = timePhysics(env, t, chunk, Math.max(1, chunks / 4));
                physics = timePhysics(env, t, chunk, chunks);
                long substeps = (long) chunks * n * spec.chunkLength() * spec.substepsPerAction();
                double stepsPerS = substeps / physics;
                for (int i = 0; i < Math.min(20, frames); i++) env.observe(i % n);
                long t0 = System.nanoTime();
                for (int f = 0; f < frames; f++) env.observe(f % n);
                double render = (System.nanoTime() - t0) * 1e-9;
                System.out.printf("%-6d %16.0f %14.2f %16.1f %14.2f%n", n, stepsPerS, 1e6 / stepsPerS, frames / render, 1e3 * render / frames);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("n", n);
                row.put("java_physics_steps_per_s", stepsPerS);
                row.put("java_us_per_substep", 1e6 / stepsPerS);
                row.put("java_frames_per_s", frames / render);
                rows.add(row);
            }
        }
        result.put("java", rows);

        // Java vs the plain C loop: the same MJCF text, the same calls from the model's initial
        // state (write ctrl = +-0.5 alternating, vm_step with 10 substeps; vm_render), both ways
        Path vmLoop = findVmLoop();
        Path dir = Files.createTempDirectory("vlarl-bench");
        String sceneXml = Scenes.compose(t.bodies());
        Path scene = dir.resolve("scene.xml"), tiny = dir.resolve("tiny.xml");
        Files.writeString(scene, sceneXml);
        Files.writeString(tiny, TINY);
        int sub = spec.substepsPerAction();
        long sceneSteps = Math.max(200, actions / 2), tinySteps = 20L * Math.max(200, actions);
        double cSceneUs = runVmLoop(vmLoop, scene, sceneSteps, spec, 0).get("step_us") / sub;
        double jSceneUs = timeRaw(sceneXml, sceneSteps, sub);
        double cTinyUs = runVmLoop(vmLoop, tiny, tinySteps, spec, 0).get("step_us") / sub;
        double jTinyUs = timeRaw(TINY, tinySteps, sub);
        // vm_loop's average includes its first frames (shader compilation): give it 5x the frames
        double cFrameUs = runVmLoop(vmLoop, scene, 5L * Math.max(50, frames), spec, 1).get("frame_us");
        double jFrameUs = timeRawRender(sceneXml, 5L * Math.max(50, frames), spec);
        System.out.printf("%nJava vs C (vm_loop), same MJCF and calls, us per substep / per frame:%n");
        System.out.printf("%-28s %12s %12s %10s%n", "", "Java", "C", "Java/C");
        System.out.printf("%-28s %12.3f %12.3f %10.3f%n", "full scene, physics", jSceneUs, cSceneUs, jSceneUs / cSceneUs);
        System.out.printf("%-28s %12.3f %12.3f %10.3f%n", "tiny model, physics", jTinyUs, cTinyUs, jTinyUs / cTinyUs);
        System.out.printf("%-28s %12.1f %12.1f %10.3f%n", "full scene, 128x128 frame", jFrameUs, cFrameUs, jFrameUs / cFrameUs);
        result.put("c_scene_us_per_substep", cSceneUs);
        result.put("java_scene_us_per_substep", jSceneUs);
        result.put("c_tiny_us_per_substep", cTinyUs);
        result.put("java_tiny_us_per_substep", jTinyUs);
        result.put("c_us_per_frame", cFrameUs);
        result.put("java_us_per_frame", jFrameUs);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
            System.out.println("wrote " + json);
        }
        return 0;
    }

    /** Seconds for {@code chunks} chunks; environments that finish are reset so all N keep stepping. */
    static double timePhysics(BatchedEnv env, Task t, ActionChunk chunk, int chunks) {
        for (int i = 0; i < env.size(); i++) env.reset(i, t, i);
        long t0 = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            env.step(chunk, false);
            for (int i = 0; i < env.size(); i++) {
                if (env.status(i).done()) env.reset(i, t, c * 1000L + i);
            }
        }
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** Java loop making vm_loop's calls on a model: write ctrl, vm_step(substeps). Best of 3, us per substep. */
    static double timeRaw(String xml, long steps, int substeps) {
        try (MjModel m = MjModel.fromXml(xml); MjData d = m.makeData()) {
            MemorySegment ctrl = d.ctrl();
            int nu = m.nu();
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                d.reset();
                long t0 = System.nanoTime();
                for (long s = 0; s < steps; s++) {
                    for (int i = 0; i < nu; i++) ctrl.setAtIndex(ValueLayout.JAVA_DOUBLE, i, ((s + i) % 2) != 0 ? 0.5 : -0.5);
                    int flags = d.step(substeps);
                    if (StepFlags.isUnstable(flags)) d.reset();
                }
                best = Math.min(best, (System.nanoTime() - t0) * 1e-3 / (steps * (double) substeps));
            }
            return best;
        }
    }

    /**
     * Java loop making vm_loop's rendering calls: after each control step (ctrl pattern as in
     * {@link #timeRaw}), one frame through "agentview", shadows off. Only the frames are timed.
     * Best of 3, us per frame.
     */
    static double timeRawRender(String xml, long frames, EnvSpec spec) {
        try (MjModel m = MjModel.fromXml(xml); MjData d = m.makeData(); GlContext gl = GlContext.create();
                Renderer r = Renderer.create(gl, m, spec.imageWidth(), spec.imageHeight()); Arena arena = Arena.ofConfined()) {
            r.set(RenderFlag.SHADOW, false); // as the environments render (and vm_loop --no-shadows)
            MemorySegment rgb = arena.allocate(r.rgbBytes());
            MemorySegment ctrl = d.ctrl();
            int nu = m.nu();
            Camera cam = Camera.named(m, "agentview");
            for (int i = 0; i < 10; i++) r.render(d, cam, rgb);
            double best = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                d.reset();
                long rendering = 0;
                for (long f = 0; f < frames; f++) {
                    for (int i = 0; i < nu; i++) ctrl.setAtIndex(ValueLayout.JAVA_DOUBLE, i, ((f + i) % 2) != 0 ? 0.5 : -0.5);
                    if (StepFlags.isUnstable(d.step(spec.substepsPerAction()))) d.reset();
                    long t0 = System.nanoTime();
                    r.render(d, cam, rgb);
                    rendering += System.nanoTime() - t0;
                }
                best = Math.min(best, rendering * 1e-3 / frames);
            }
            return best;
        }
    }

    static Path findVmLoop() {
        String dir = System.getProperty("vlarl.native.dir", System.getenv("VLARL_NATIVE_DIR"));
        List<Path> candidates = new ArrayList<>();
        if (dir != null) candidates.add(Path.of(dir).resolveSibling("bin").resolve("vm_loop"));
        String root = System.getProperty("vlarl.root");
        if (root != null) candidates.add(Path.of(root, "build", "native", "bin", "vm_loop"));
        candidates.add(Path.of("build", "native", "bin", "vm_loop"));
        for (Path p : candidates) if (Files.isExecutable(p)) return p;
        throw new IllegalStateException("vm_loop not found (looked at " + candidates + "): run ./vlarl build");
    }

    /** Runs vm_loop (best of 3) and parses its key=value line. */
    static Map<String, Double> runVmLoop(Path exe, Path model, long steps, EnvSpec spec, int renderEvery) throws Exception {
        Map<String, Double> best = null;
        for (int rep = 0; rep < 3; rep++) {
            List<String> cmd = new ArrayList<>(List.of(exe.toString(), model.toString(), Long.toString(steps),
                    Integer.toString(spec.substepsPerAction())));
            if (renderEvery > 0) {
                cmd.addAll(List.of(Integer.toString(spec.imageWidth()), Integer.toString(spec.imageHeight()),
                        Integer.toString(renderEvery), "agentview", "--no-shadows"));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String line = null, all;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                StringBuilder b = new StringBuilder();
                for (String l; (l = in.readLine()) != null; ) {
                    b.append(l).append('\n');
                    if (l.startsWith("vm_loop model=")) line = l;
                }
                all = b.toString();
            }
            if (p.waitFor() != 0 || line == null) throw new IllegalStateException("vm_loop failed: " + all);
            Map<String, Double> kv = new LinkedHashMap<>();
            Matcher m = Pattern.compile("(\\w+)=([-0-9.eE+]+)").matcher(line);
            while (m.find()) kv.put(m.group(1), Double.parseDouble(m.group(2)));
            if (best == null || kv.get("step_us") < best.get("step_us")) best = kv;
        }
        return best;
    }
}
