package dev.vlarl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlarl.env.ActionChunk;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.env.ObservationBatch;
import dev.vlarl.policy.InstructionTokenizer;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.PolicyConfig;
import dev.vlarl.policy.PolicyFiles;
import dev.vlarl.policy.ActionTokenizer;
import dev.vlarl.policy.TinyVla;
import dev.vlarl.torch.Torch;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Inspecting and measuring a policy bundle. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Policy bundle tools.",
        subcommands = {PolicyCommand.Bench.class, PolicyCommand.Info.class})
final class PolicyCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("vlarl policy: choose a subcommand (bench, info); see --help");
    }

    static Policy open(Path bundle, String task) {
        if (bundle != null) return Policy.load(bundle);
        // No bundle: the default config, freshly initialised, one adapter (latency does not depend on weights).
        InstructionTokenizer w = InstructionTokenizer.build(List.of("pick up the red cube and place it in the bowl"));
        PolicyConfig c = PolicyConfig.defaults();
        float[] lo = {-1, -1, -1, -1}, hi = {1, 1, 1, 1};
        PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(c, w.size()), w, new ActionTokenizer(lo, hi, c.bins()));
        p.model().addTask(task);
        return Policy.of(p);
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Config, parameter counts and tasks of a bundle.")
    static final class Info implements Callable<Integer> {
        @Option(names = "--bundle", description = "bundle directory (default: a fresh default-config policy)")
        Path bundle;

        @Override
        public Integer call() {
            try (Policy p = open(bundle, "bench/task")) {
                TinyVla m = p.parts().model();
                System.out.println("config: " + p.config());
                System.out.printf("base parameters: %,d%n", m.baseParameterCount());
                for (String t : p.tasks()) System.out.printf("adapter %s: %,d parameters%n", t, m.adapterParameterCount(t));
                System.out.println("vocabulary: " + p.parts().words().size() + " words");
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Latency of Policy.act at batch 1 (HdrHistogram p50/p99/p99.9) and batched throughput.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--bundle", description = "bundle directory (default: a fresh default-config policy)")
        Path bundle;

        @Option(names = "--iterations", defaultValue = "2000", description = "timed act calls at batch 1 (default ${DEFAULT-VALUE})")
        int iterations;

        @Option(names = "--warmup", defaultValue = "300", description = "untimed calls first (default ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--batches", split = ",", defaultValue = "1,8,32,64", description = "batch sizes for throughput (default ${DEFAULT-VALUE})")
        List<Integer> batches;

        @Option(names = "--threads", defaultValue = "1", description = "libtorch intra-op threads (default ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--json", description = "write the results as JSON here")
        Path json;

        @Override
        public Integer call() throws Exception {
            Torch.setNumThreads(threads);
            ObjectMapper om = new ObjectMapper();
            ObjectNode out = om.createObjectNode();
            try (Policy p = open(bundle, "bench/task")) {
                String task = p.tasks().get(0);
                EnvSpec spec = new EnvSpec(p.config().image(), p.config().image(), p.config().chunk(), 10, 0.002, 0.02);
                out.put("threads", Torch.numThreads());
                out.put("cpu_capability", Torch.cpuCapability());
                out.put("base_parameters", p.parts().model().baseParameterCount());
                out.put("adapter_parameters", p.parts().model().adapterParameterCount(task));
                out.put("config", p.config().toString());
                System.out.printf("policy: %,d base parameters + %,d per adapter; libtorch %d threads, %s%n",
                        p.parts().model().baseParameterCount(), p.parts().model().adapterParameterCount(task), Torch.numThreads(),
                        Torch.cpuCapability());
                ArrayNode lat = out.putArray("latency_batch1");
                for (double temperature : new double[] {0.0, 1.6}) {
                    try (ObservationBatch obs = new ObservationBatch(spec, 1)) {
                        fill(obs, task, 1);
                        Histogram h = new Histogram(60_000_000_000L, 3);
                        for (int i = 0; i < warmup; i++) p.act(obs, 0, temperature);
                        for (int i = 0; i < iterations; i++) {
                            long t0 = System.nanoTime();
                            p.act(obs, 0, temperature);
                            h.recordValue(System.nanoTime() - t0);
                        }
                        ObjectNode r = lat.addObject();
                        r.put("decoding", temperature > 0 ? "sampled T=" + temperature : "greedy");
                        r.put("iterations", iterations);
                        for (double q : new double[] {50, 90, 99, 99.9}) r.put("p" + q + "_us", h.getValueAtPercentile(q) / 1e3);
                        r.put("max_us", h.getMaxValue() / 1e3);
                        r.put("mean_us", h.getMean() / 1e3);
                        System.out.printf("act batch 1 %-14s p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us  (%d calls)%n",
                                r.get("decoding").asText(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, iterations);
                    }
                }
                ArrayNode thr = out.putArray("throughput");
                for (int b : batches) {
                    try (ObservationBatch obs = new ObservationBatch(spec, b); ActionChunk chunk = new ActionChunk(b, spec.chunkLength())) {
                        fill(obs, task, 2);
                        for (int i = 0; i < Math.max(3, warmup / b); i++) p.actBatch(obs, chunk, 1.6);
                        int calls = Math.max(5, iterations / b);
                        Histogram h = new Histogram(60_000_000_000L, 3);
                        long t0 = System.nanoTime();
                        for (int i = 0; i < calls; i++) {
                            long s = System.nanoTime();
                            p.actBatch(obs, chunk, 1.6);
                            h.recordValue(System.nanoTime() - s);
                        }
                        double secs = (System.nanoTime() - t0) / 1e9;
                        ObjectNode r = thr.addObject();
                        r.put("batch", b);
                        r.put("calls", calls);
                        r.put("observations_per_s", b * calls / secs);
                        r.put("p50_ms_per_call", h.getValueAtPercentile(50) / 1e6);
                        System.out.printf("actBatch B=%-3d %9.1f observations/s  p50 %7.2f ms per call%n", b, b * calls / secs,
                                h.getValueAtPercentile(50) / 1e6);
                    }
                }
            }
            if (json != null) {
                if (json.toAbsolutePath().getParent() != null) Files.createDirectories(json.toAbsolutePath().getParent());
                om.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), out);
            }
            return 0;
        }

        static void fill(ObservationBatch obs, String task, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < obs.size(); i++) {
                for (long j = 0; j < obs.spec().imageBytes(); j++) obs.image(i).set(ValueLayout.JAVA_BYTE, j, (byte) r.nextInt(256));
                for (int k = 0; k < EnvSpec.STATE_DIM; k++) obs.state(i).setAtIndex(ValueLayout.JAVA_FLOAT, k, (float) r.nextGaussian() * 0.1f);
                obs.setEpisode(i, task, "pick up the red cube and place it in the bowl");
            }
        }
    }
}
