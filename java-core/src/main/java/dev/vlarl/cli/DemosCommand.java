package dev.vlarl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vlarl.demo.DemoWriter;
import dev.vlarl.env.BatchedEnv;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.EpisodeStatus;
import dev.vlarl.env.ExpertRollout;
import dev.vlarl.env.Seeds;
import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vlarl demos}: records scripted-expert demonstrations (format: package dev.vlarl.demo). */
@Command(name = "demos", mixinStandardHelpOptions = true,
        description = "Record scripted-expert demonstrations: DIR/<suite>_<task>/episode-NNNNNN.vdemo + manifest.json.")
final class DemosCommand implements Callable<Integer> {
    @Option(names = "--task", required = true, description = "Task(s): suite/task, a suite, 'benchmark', or a comma-separated list.")
    String task;

    @Option(names = "--episodes", defaultValue = "10", description = "Successful episodes per task (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--seed-start", defaultValue = "0", description = "First training-seed index (default ${DEFAULT-VALUE}).")
    long seedStart;

    @Option(names = "--image-size", defaultValue = "128", description = "Image height and width (default ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--chunk", defaultValue = "8", description = "K, actions per recorded observation (default ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--perturb", defaultValue = "0", description = "DART: execute each expert motion plus Gaussian noise of this std "
            + "(action units, 1 = 2 cm) and record the expert's own action as the label (default ${DEFAULT-VALUE}: none).")
    double perturb;

    @Option(names = "--slip", defaultValue = "0", description = "Probability that a picked object slips from the fingers while it is "
            + "lifted (once per object and episode); the expert opens and picks it up again, so the recording shows a recovery from "
            + "an empty grip (default ${DEFAULT-VALUE}: none).")
    double slip;

    @Option(names = "--aim-error", defaultValue = "0", description = "Execute the last dx, dy of each chunk spent approaching a "
            + "point above an object to pick with Gaussian noise of this std (action units, 1 = 2 cm), so the "
            + "next observation shows the gripper off its aim and the label the expert's correction (default ${DEFAULT-VALUE}: none).")
    double aimError;

    @Option(names = "--hover-offset", defaultValue = "0", description = "Once per pick, at the first frame with the gripper above "
            + "the object, move the gripper sideways by up to this many metres (at least half, in a random direction) before the frame "
            + "is rendered: recordings show the gripper above an object but off it, and the expert's correction (default "
            + "${DEFAULT-VALUE}: none).")
    double hoverOffset;

    @Option(names = "--jitter-scale", defaultValue = "1", description = "Jitter object positions this many times as widely as the "
            + "benchmark's initial states (+-2 cm): the same arrangement, wider spread, so the demonstrations tie where an object is "
            + "to where the gripper goes; the expert's failures are dropped as always (default ${DEFAULT-VALUE}: the benchmark's).")
    double jitterScale;

    @Option(names = "--keep-failures", description = "Also write episodes the expert failed (outcome in the header).")
    boolean keepFailures;

    @Option(names = "--randomise", description = "Domain randomisation (colours, light, camera, friction) per episode.")
    boolean randomise;

    @Override
    public Integer call() throws Exception {
        if (episodes <= 0) throw new IllegalArgumentException("--episodes must be positive");
        List<Task> tasks = TaskRegistry.select(task);
        EnvSpec d = EnvSpec.defaults();
        EnvSpec spec = new EnvSpec(imageSize, imageSize, chunk, d.substepsPerAction(), d.timestep(), d.maxStepMetres());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (BatchedEnv env = new BatchedEnv(spec, 1, true, randomise); ExpertRollout rollout = new ExpertRollout(env, new ExpertRollout.Recording(perturb, slip, aimError, hoverOffset));
                ProgressBar bar = new ProgressBarBuilder().setTaskName("demos").setInitialMax((long) episodes * tasks.size())
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            env.setJitterScale(jitterScale);  // checks the range; the environment is closed if it throws
            for (Task t : tasks) {
                Path dir = out.resolve(t.name().replace('/', '_'));
                Files.createDirectories(dir);
                int ok = 0, tried = 0, written = 0, regrasped = 0;
                long seed = seedStart;
                while (ok < episodes) {
                    if (tried >= 2 * episodes + 20) throw new IllegalStateException(t.name() + ": the expert failed too often (" + ok + "/" + tried + ")");
                    DemoWriter w = new DemoWriter(imageSize, imageSize, EnvSpec.STATE_DIM);
                    long s = Seeds.train(seed++);
                    ExpertRollout.Result r = rollout.run(t, s, w);
                    tried++;
                    boolean success = r.status() == EpisodeStatus.SUCCESS;
                    if (success || keepFailures) {
                        w.write(dir.resolve(String.format("episode-%06d.vdemo", written++)), rollout.header(t, s, r));
                    }
                    if (success) {
                        ok++;
                        if (rollout.lastRetries() > 0) regrasped++;
                        bar.step();
                    }
                    bar.setExtraMessage(t.name() + " " + ok + "/" + tried);
                }
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("task", t.name());
                manifest.put("instruction", t.instruction());
                manifest.put("episodes_written", written);
                manifest.put("successes", ok);
                manifest.put("attempts", tried);
                manifest.put("expert_success_rate", ok / (double) tried);
                manifest.put("first_seed", Seeds.train(seedStart));
                manifest.put("image_size", imageSize);
                manifest.put("chunk_length", chunk);
                manifest.put("domain_randomisation", randomise);
                manifest.put("dart_perturbation", perturb);
                manifest.put("slip_probability", slip);
                manifest.put("aim_error", aimError);
                manifest.put("hover_offset_m", hoverOffset);
                manifest.put("jitter_scale", jitterScale);
                manifest.put("successes_with_regrasp", regrasped);
                manifest.put("format", "vdemo v1 (see dev.vlarl.demo)");
                json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
            }
        }
        System.out.println("demonstrations in " + out.toAbsolutePath());
        return 0;
    }
}
