package dev.vlarl.bench.kernels;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load-robust companion to the JMH kernel benchmarks, for a shared machine: on ONE
 * thread (fused kernels run on the calling thread, libtorch with 1 intra-op thread runs
 * inline) it measures each call's thread CPU time (CLOCK_THREAD_CPUTIME_ID), which other
 * processes' time slices do not inflate, next to its wall time. Medians over >= 2 s of
 * calls after >= 1 s of warm-up, the same inputs and operations as the JMH classes.
 * Memory-bandwidth contention from other processes still shows up (stalls are CPU time).
 *
 * <p>Usage: {@code java -cp vlarl-bench.jar dev.vlarl.bench.kernels.KernelsCpuTime [out.md]}
 * ({@code -Dkernels.tokens=T} for one size, {@code -Dkernels.isa=scalar|avx2|avx512} to force
 * the fused kernels' code path).
 */
public final class KernelsCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private KernelsCpuTime() {}

    record Stat(double cpuMs, double wallMs) {}

    public static void main(String[] args) throws IOException {
        String isa = System.getProperty("kernels.isa", "auto");
        dev.vlarl.kernels.FusedCpuKernels.setIsa(switch (isa) {
            case "scalar" -> dev.vlarl.bindings.VlarlKernels.VK_ISA_SCALAR;
            case "avx2" -> dev.vlarl.bindings.VlarlKernels.VK_ISA_AVX2;
            case "avx512" -> dev.vlarl.bindings.VlarlKernels.VK_ISA_AVX512;
            default -> dev.vlarl.bindings.VlarlKernels.VK_ISA_AUTO;
        });
        List<String> out = new ArrayList<>();
        out.add("fused code path: " + dev.vlarl.kernels.FusedCpuKernels.isa() + "\n");
        out.add("| kernel | T | fused CPU ms | composite CPU ms | speed-up (CPU time) | bound CPU ms | bound / fused | fused wall ms | composite wall ms |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        int[] sizes = System.getProperty("kernels.tokens") == null ? new int[] {4096, 16384, 65536}
                : new int[] {Integer.parseInt(System.getProperty("kernels.tokens"))};
        for (int t : sizes) {
            TokenBatchState s = new TokenBatchState();
            s.tokens = t;
            s.threads = 1;
            s.setUp();
            try {
                Map<String, Stat> r = new LinkedHashMap<>();
                r.put("bound", measure(() -> s.fused.streamScale(s.logits, s.grad, 1.0f)));
                r.put("loss-fused", measure(() -> s.fused.grpoLoss(s.batch, TokenBatchState.CFG, s.grad, s.logProbs)));
                r.put("loss-composite", measure(() -> s.composite.grpoLoss(s.batch, TokenBatchState.CFG, s.grad, s.logProbs)));
                r.put("lp-fused", measure(() -> s.fused.logProb(s.logits, s.tokenIds, 1.6f, s.logProbs)));
                r.put("lp-composite", measure(() -> s.composite.logProb(s.logits, s.tokenIds, 1.6f, s.logProbs)));
                long[] off = {0};
                r.put("sample-fused", measure(() -> {
                    s.fused.sample(s.logits, 1.6f, 1234L, off[0], s.tokenIds, s.logProbs);
                    off[0] += t;
                }));
                r.put("sample-composite", measure(() -> {
                    s.composite.sample(s.logits, 1.6f, 1234L, off[0], s.tokenIds, s.logProbs);
                    off[0] += t;
                }));
                Stat b = r.get("bound");
                for (String[] k : new String[][] {{"GRPO loss fwd+bwd", "loss"}, {"log-prob", "lp"}, {"sample", "sample"}}) {
                    Stat f = r.get(k[1] + "-fused"), c = r.get(k[1] + "-composite");
                    out.add(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.1fx | %.3f | %.0f%% | %.3f | %.3f |", k[0], t,
                            f.cpuMs, c.cpuMs, c.cpuMs / f.cpuMs, b.cpuMs, 100 * b.cpuMs / f.cpuMs, f.wallMs, c.wallMs));
                }
            } finally {
                s.tearDown();
            }
            System.err.println(String.join("\n", out.subList(out.size() - 3, out.size())));
        }
        String text = String.join("\n", out) + "\n";
        System.out.print(text);
        if (args.length > 0) Files.writeString(Path.of(args[0]), text);
    }

    static Stat measure(Runnable op) {
        long end = System.nanoTime() + 1_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < end || warm < 3) {
            op.run();
            warm++;
        }
        List<long[]> samples = new ArrayList<>();
        end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end || samples.size() < 7) {
            long c0 = MX.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            op.run();
            samples.add(new long[] {MX.getCurrentThreadCpuTime() - c0, System.nanoTime() - w0});
        }
        long[] cpu = samples.stream().mapToLong(x -> x[0]).toArray();
        long[] wall = samples.stream().mapToLong(x -> x[1]).toArray();
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new Stat(cpu[cpu.length / 2] / 1e6, wall[wall.length / 2] / 1e6);
    }
}
