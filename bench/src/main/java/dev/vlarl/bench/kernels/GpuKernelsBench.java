package dev.vlarl.bench.kernels;

import dev.vlarl.kernels.CompositeTorchKernels;
import dev.vlarl.kernels.CudaTensors;
import dev.vlarl.kernels.CudaTokenKernels;
import dev.vlarl.kernels.GrpoLossBatch;
import dev.vlarl.kernels.GrpoLossConfig;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.Scope;
import dev.vlarl.torch.Tensor;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The GPU benchmark run by scripts/gpu-run.sh on a machine with a CUDA device (not JMH:
 * device time comes from CUDA events, and one run must fit in a few minutes).
 *
 * <p>For T in {4096, 16384, 65536, 262144} x 256 bins it measures, in one process:
 * <ul>
 *   <li>fused CUDA kernels (Panama launch) by CUDA events over back-to-back launches;</li>
 *   <li>libtorch's composite path on the same CUDA tensors (wall clock, synchronised);</li>
 *   <li>achieved bandwidth of the fused loss (read logits + write grad) against a
 *       device-to-device copy of the same bytes measured in the same run (goal >= 80%);</li>
 *   <li>host-side launch overhead, Panama vs JCuda (10,000 launches of a 1-thread kernel).</li>
 * </ul>
 * Usage: {@code java ... dev.vlarl.bench.kernels.GpuKernelsBench [output.md]}.
 */
public final class GpuKernelsBench {
    static final int V = 256;
    static final GrpoLossConfig CFG = GrpoLossConfig.REFERENCE;

    private GpuKernelsBench() {}

    public static void main(String[] args) throws IOException {
        String reason = CudaTokenKernels.panamaUnavailableReason();
        if (reason != null || !CudaTensors.available()) {
            System.err.println("no GPU run: " + (reason != null ? reason : "libvlarl_torch has no CUDA"));
            System.exit(2);
        }
        List<String> out = new ArrayList<>();
        out.add("| T | kernel | fused CUDA (ms) | composite libtorch (ms) | speed-up | fused GB/s | D2D copy GB/s | % of copy |");
        out.add("|---|---|---|---|---|---|---|---|");
        try (CudaTokenKernels k = CudaTokenKernels.panama(0); CompositeTorchKernels comp = new CompositeTorchKernels(0)) {
            out.add(0, "launch stream: " + (k.onTorchStream() ? "libtorch's current CUDA stream" : "default stream") + "\n");
            for (int t : new int[] {4096, 16384, 65536, 262144}) {
                try (Scope s = Scope.open()) {
                    Tensor[] d = inputs(s, t);
                    Tensor logits = d[0], tokens = d[1], old = d[2], adv = d[3], mask = d[4], grad = d[5], lp = d[6];
                    GrpoLossBatch b = new GrpoLossBatch(logits, tokens, old, adv, mask);
                    long bytes = 4L * t * V;
                    int reps = Math.max(20, (int) (2_000_000_000L / bytes));
                    // D2D copy of the logits into grad: read + write of the same bytes
                    double copyMs = deviceMs(k, reps, () -> k.copy(grad, logits, bytes));
                    double copyGbs = 2.0 * bytes / (copyMs * 1e6);
                    double lossMs = deviceMs(k, reps, () -> k.grpoLossAsync(b, CFG, grad, lp));
                    k.check();
                    double lossComp = wallMs(5, () -> comp.grpoLoss(b, CFG, grad, lp));
                    double lossGbs = (2.0 * bytes + 17.0 * t) / (lossMs * 1e6);
                    out.add(row(t, "GRPO loss fwd+bwd", lossMs, lossComp, lossGbs, copyGbs));
                    double lpMs = deviceMs(k, reps, () -> k.logProbAsync(logits, tokens, CFG.temperature(), lp));
                    double lpComp = wallMs(5, () -> comp.logProb(logits, tokens, CFG.temperature(), lp));
                    out.add(row(t, "log-prob", lpMs, lpComp, (bytes + 12.0 * t) / (lpMs * 1e6), copyGbs));
                    long[] off = {0};
                    double smMs = deviceMs(k, reps, () -> {
                        k.sampleAsync(logits, CFG.temperature(), 7, off[0], tokens, lp);
                        off[0] += t;
                    });
                    double smComp = wallMs(5, () -> comp.sample(logits, CFG.temperature(), 7, 0, tokens, lp));
                    out.add(row(t, "sample", smMs, smComp, (bytes + 12.0 * t) / (smMs * 1e6), copyGbs));
                    double scMs = deviceMs(k, reps, () -> k.streamScale(logits, grad, 1f));
                    out.add(row(t, "bound kernel (grad = logits)", scMs, Double.NaN, 2.0 * bytes / (scMs * 1e6), copyGbs));
                    k.check();
                }
            }
            out.add("");
            out.add("| launch path | host us per launch (10,000 launches of a 1-thread kernel, then one sync) |");
            out.add("|---|---|");
            out.add(String.format(Locale.ROOT, "| Panama (CudaDriver) | %.2f |", launchUs(k)));
        }
        String jr = CudaTokenKernels.jcudaUnavailableReason();
        if (jr == null) {
            try (CudaTokenKernels j = CudaTokenKernels.jcuda(0)) {
                out.add(String.format(Locale.ROOT, "| JCuda 12.0.0 | %.2f |", launchUs(j)));
            }
        } else {
            out.add("| JCuda 12.0.0 | not run: " + jr + " |");
        }
        String text = String.join("\n", out) + "\n";
        System.out.print(text);
        if (args.length > 0) Files.writeString(Path.of(args[0]), text);
    }

    static String row(int t, String what, double fused, double comp, double gbs, double copyGbs) {
        return String.format(Locale.ROOT, "| %d | %s | %.4f | %s | %s | %.0f | %.0f | %.0f%% |", t, what, fused,
                Double.isNaN(comp) ? "-" : String.format(Locale.ROOT, "%.4f", comp),
                Double.isNaN(comp) ? "-" : String.format(Locale.ROOT, "%.1fx", comp / fused), gbs, copyGbs,
                100 * gbs / copyGbs);
    }

    /** Device ms per call: CUDA events around {@code reps} back-to-back calls, after a warm-up. */
    static double deviceMs(CudaTokenKernels k, int reps, Runnable call) {
        for (int i = 0; i < 5; i++) call.run();
        k.synchronize();
        float ms = k.timeMs(() -> {
            for (int i = 0; i < reps; i++) call.run();
        });
        return ms / reps;
    }

    /** Wall ms per call of a synchronous path, best of a few rounds. */
    static double wallMs(int reps, Runnable call) {
        call.run();
        CudaTensors.synchronize(0);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) call.run();
            CudaTensors.synchronize(0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6 / reps);
        }
        return best;
    }

    static double launchUs(CudaTokenKernels k) {
        for (int i = 0; i < 1000; i++) k.launchEmpty();
        k.synchronize();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10_000; i++) k.launchEmpty();
            k.synchronize();
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / 10_000);
        }
        return best;
    }

    /** Random inputs built on the CPU, then copied to cuda:0 (owned by the scope). */
    static Tensor[] inputs(Scope s, int t) {
        SplittableRandom r = new SplittableRandom(t);
        try (Scope cpu = Scope.open()) {
            Tensor logits = cpu.attach(Tensor.zeros(DType.FLOAT32, t, V));
            Tensor tokens = cpu.attach(Tensor.zeros(DType.INT64, t));
            Tensor old = cpu.attach(Tensor.zeros(DType.FLOAT32, t));
            Tensor adv = cpu.attach(Tensor.zeros(DType.FLOAT32, t));
            Tensor mask = cpu.attach(Tensor.zeros(DType.BOOL, t));
            Tensor grad = cpu.attach(Tensor.zeros(DType.FLOAT32, t, V));
            Tensor lp = cpu.attach(Tensor.zeros(DType.FLOAT32, t));
            MemorySegment x = logits.data();
            for (long i = 0; i < (long) t * V; i++) x.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (TokenBatchState.gauss(r) * 2.5));
            for (int i = 0; i < t; i++) {
                tokens.data().setAtIndex(ValueLayout.JAVA_LONG, i, r.nextInt(V));
                old.data().setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) (-5.5 + TokenBatchState.gauss(r)));
                adv.data().setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) ((r.nextBoolean() ? 1 : -1) * (0.2 + r.nextDouble())));
                mask.data().set(ValueLayout.JAVA_BYTE, i, (byte) (r.nextDouble() < 0.8 ? 1 : 0));
            }
            Tensor[] cpuT = {logits, tokens, old, adv, mask, grad, lp};
            Tensor[] dev = new Tensor[cpuT.length];
            for (int i = 0; i < cpuT.length; i++) dev[i] = s.attach(CudaTensors.toDevice(cpuT[i], 0));
            return dev;
        }
    }
}
