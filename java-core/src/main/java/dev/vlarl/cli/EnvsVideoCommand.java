package dev.vlarl.cli;

import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.ObservationBatch;
import dev.vlarl.env.ScriptedExpert;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import dev.vlarl.policy.Policy;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vlarl envs video}: one rollout as an animated GIF plus a contact-sheet PNG. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "Write a rollout as an animated GIF (F) and a contact sheet (F with -sheet.png).")
final class EnvsVideoCommand implements Callable<Integer> {
    @Option(names = "--task", required = true, description = "Task name suite/task.")
    String task;

    @Option(names = "--seed", defaultValue = "0", description = "Initial-state seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "GIF file to write.")
    Path out;

    @Option(names = "--policy", defaultValue = "expert", description = "expert, random or idle (default ${DEFAULT-VALUE}); ignored with --bundle.")
    String policy;

    @Option(names = "--bundle", description = "A policy bundle (e.g. runs/sft-k50/bundle) that acts instead: one chunk per observation, "
            + "through the task's adapter (or the base alone when it has none).")
    Path bundle;

    @Option(names = "--temperature", defaultValue = "0", description = "With --bundle: 0 = greedy decoding, else the sampling temperature (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--eval-seed", description = "Use held-out evaluation seed number N (Seeds.eval(N), what ./vlarl eval runs) instead of --seed.")
    Long evalSeed;

    @Option(names = "--size", defaultValue = "128", description = "Frame size in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--every", defaultValue = "2", description = "Keep one frame every this many actions (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--randomise", description = "Domain randomisation (colours, light, camera, friction).")
    boolean randomise;

    @Option(names = "--shadows", description = "Render shadows (the policy's observations have none).")
    boolean shadows;

    @Override
    public Integer call() throws IOException {
        Task t = TaskRegistry.get(task);
        if (bundle == null && !List.of("expert", "random", "idle").contains(policy))
            throw new IllegalArgumentException("unknown policy '" + policy + "': expert, random or idle");
        if (evalSeed != null) seed = Seeds.eval(evalSeed);
        try (Policy learned = bundle == null ? null : Policy.load(bundle)) {
            if (learned != null) {
                size = learned.config().image();
                learned.setBaseFallback(true);
                learned.seed(seed);
                policy = bundle.toString() + (temperature > 0 ? " T=" + temperature : " greedy");
            }
            return record(t, learned);
        }
    }

    private int record(Task t, Policy learned) throws IOException {
        EnvSpec d = EnvSpec.defaults();
        EnvSpec spec = new EnvSpec(size, size, 1, d.substepsPerAction(), d.timestep(), d.maxStepMetres());
        List<BufferedImage> frames = new ArrayList<>();
        List<Integer> frameSteps = new ArrayList<>();
        String outcome;
        // with a policy: what ./vlarl eval shows it, the frame and state at each chunk's start
        try (BatchedEnv env = new BatchedEnv(spec, 1, true, randomise, shadows); ActionChunk one = new ActionChunk(1, 1);
                ObservationBatch seen = learned == null ? null : new ObservationBatch(new EnvSpec(size, size,
                        learned.config().chunk(), d.substepsPerAction(), d.timestep(), d.maxStepMetres()), 1)) {
            env.reset(0, t, seed);
            ScriptedExpert expert = t.newExpert(seed);
            Random rng = new Random(seed);
            float[] a = new float[4];
            frames.add(toImage(env.observations().image(0), size));
            frameSteps.add(0);
            ActionChunk plan = null;
            int next = 0;
            while (env.status(0) == EpisodeStatus.RUNNING) {
                if (learned != null) {
                    if (plan == null || next == plan.chunkLength()) {
                        env.observe(0);
                        ObservationBatch o = env.observations();
                        MemorySegment.copy(o.image(0), 0, seen.image(0), 0, o.image(0).byteSize());
                        MemorySegment.copy(o.state(0), 0, seen.state(0), 0, o.state(0).byteSize());
                        seen.setEpisode(0, t.name(), t.instruction());
                        plan = learned.act(seen, 0, temperature);
                        next = 0;
                    }
                    for (int i = 0; i < 4; i++) a[i] = plan.get(0, next, i);
                    next++;
                } else switch (policy) {
                    case "expert" -> expert.act(env.sim(0), spec.maxStepMetres(), a, 0);
                    case "random" -> {
                        for (int i = 0; i < 4; i++) a[i] = rng.nextFloat() * 2 - 1;
                    }
                    default -> java.util.Arrays.fill(a, 0f);
                }
                for (int i = 0; i < 4; i++) one.set(0, 0, i, a[i]);
                env.step(one, false);
                if (env.steps(0) % every == 0 || env.status(0) != EpisodeStatus.RUNNING) {
                    env.observe(0);
                    frames.add(toImage(env.observations().image(0), size));
                    frameSteps.add(env.steps(0));
                }
            }
            outcome = env.status(0) + " after " + env.steps(0) + " steps";
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        writeGif(frames, out, Math.max(2, (int) Math.round(100 * every / d.controlHz())));
        String name = out.getFileName().toString();
        Path sheet = out.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + "-sheet.png");
        ImageIO.write(contactSheet(frames, frameSteps, t.name() + " seed " + seed + " (" + policy + "): " + outcome,
                "\"" + t.instruction() + "\""), "png", sheet.toFile());
        System.out.println(t.name() + " seed " + seed + ": " + outcome);
        System.out.println("video " + out + " (" + frames.size() + " frames), contact sheet " + sheet);
        return 0;
    }

    static BufferedImage toImage(MemorySegment rgb, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                long o = ((long) y * size + x) * 3;
                int r = rgb.get(ValueLayout.JAVA_BYTE, o) & 0xff, g = rgb.get(ValueLayout.JAVA_BYTE, o + 1) & 0xff,
                        b = rgb.get(ValueLayout.JAVA_BYTE, o + 2) & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** Twelve frames spread over the episode in a 4 x 3 grid, captioned with their step. */
    static BufferedImage contactSheet(List<BufferedImage> frames, List<Integer> steps, String title, String subtitle) {
        int cols = 4, rows = 3, n = cols * rows, w = frames.getFirst().getWidth(), h = frames.getFirst().getHeight(), head = 34;
        BufferedImage sheet = new BufferedImage(cols * w, rows * (h + 14) + head, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.drawString(title, 4, 13);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(subtitle, 4, 28);
        for (int k = 0; k < n; k++) {
            int idx = (int) Math.round(k * (frames.size() - 1) / (double) (n - 1));
            int x = (k % cols) * w, y = head + (k / cols) * (h + 14);
            g.drawImage(frames.get(idx), x, y, null);
            g.setColor(Color.DARK_GRAY);
            g.drawString("step " + steps.get(idx), x + 3, y + h + 11);
        }
        g.dispose();
        return sheet;
    }

    static void writeGif(List<BufferedImage> frames, Path file, int delayCs) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersBySuffix("gif").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), null);
                String fmt = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(i == frames.size() - 1 ? 150 : delayCs));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0});
                    apps.appendChild(app);
                }
                meta.setFromTree(fmt, root);
                writer.writeToSequence(new IIOImage(f, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}
