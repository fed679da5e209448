package dev.vlarl.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vlarl.bindings.KernelException;
import dev.vlarl.bindings.NativeException;
import dev.vlarl.bindings.NativeLibraryException;
import dev.vlarl.torch.LeakCheck;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CUDA paths against the fused CPU kernels. The "gpu" tests need a CUDA device and
 * libvlarl_torch built against a CUDA libtorch (scripts/gpu-run.sh); the others check
 * that a machine without a driver gets a clear error instead of a crash.
 */
@ExtendWith(LeakCheck.class)
class CudaKernelsTest {
    static final GrpoLossConfig CFG = GrpoLossConfig.REFERENCE;

    @Test
    void withoutADriverThePanamaPathFailsWithAClearMessage() {
        String reason = CudaTokenKernels.panamaUnavailableReason();
        assumeTrue(reason != null, "a CUDA driver is present");
        NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> CudaTokenKernels.panama(0));
        assertTrue(e.getMessage().contains("libcuda") || e.getMessage().contains("CUDA"), e.getMessage());
    }

    @Test
    void withoutADriverTheJCudaPathFailsWithAClearMessage() {
        String reason = CudaTokenKernels.jcudaUnavailableReason();
        assumeTrue(reason != null, "JCuda loads here");
        NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> CudaTokenKernels.jcuda(0));
        assertTrue(e.getMessage().contains("JCuda"), e.getMessage());
    }

    @Test
    void theFatbinIsBuiltWhereNvccIsInstalled() {
        byte[] image;
        try {
            image = CudaLauncher.fatbin();
        } catch (NativeLibraryException e) {
            assumeTrue(false, "no fatbin (no nvcc on this machine): " + e.getMessage());
            return;
        }
        // fatbin header magic 0xBA55ED50, little-endian
        int magic = (image[0] & 0xff) | (image[1] & 0xff) << 8 | (image[2] & 0xff) << 16 | (image[3] & 0xff) << 24;
        assertEquals(0xBA55ED50, magic, "not a CUDA fatbin");
    }

    static void assumeGpu(String path) {
        String reason = path.equals("jcuda") ? CudaTokenKernels.jcudaUnavailableReason()
                : CudaTokenKernels.panamaUnavailableReason();
        assumeTrue(reason == null, reason);
        assumeTrue(CudaTensors.available(), "libvlarl_torch has no CUDA (build it against a CUDA libtorch)");
    }

    static CudaTokenKernels open(String path) {
        return path.equals("jcuda") ? CudaTokenKernels.jcuda(0) : CudaTokenKernels.panama(0);
    }

    /** Runs {@code body} with device copies of the fixture's tensors. */
    record Dev(Tensor logits, Tensor tokens, Tensor old, Tensor adv, Tensor mask, Tensor grad, Tensor lp)
            implements AutoCloseable {
        static Dev of(Fixture f) {
            return new Dev(CudaTensors.toDevice(f.logits, 0), CudaTensors.toDevice(f.tokens, 0),
                    CudaTensors.toDevice(f.oldLogp, 0), CudaTensors.toDevice(f.advantages, 0),
                    CudaTensors.toDevice(f.mask, 0), CudaTensors.toDevice(f.grad, 0), CudaTensors.toDevice(f.logProbs, 0));
        }

        GrpoLossBatch batch() {
            return new GrpoLossBatch(logits, tokens, old, adv, mask);
        }

        /** Copies a device tensor's values back into the CPU tensor {@code into}. */
        static void back(Tensor dev, Tensor into) {
            try (Tensor host = CudaTensors.toDevice(dev, -1)) {
                into.copyFrom(host);
            }
        }

        @Override
        public void close() {
            for (Tensor t : new Tensor[] {logits, tokens, old, adv, mask, grad, lp}) t.close();
        }
    }

    @Tag("gpu")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"panama", "jcuda"})
    void gpuLossLogProbAndGradientMatchTheReference(String path) {
        assumeGpu(path);
        for (int t : new int[] {1, 37, 4096, 65536}) {
            try (Fixture f = new Fixture(t, 256, t, 2.5f, 0.8, CFG.temperature()); Dev d = Dev.of(f);
                    CudaTokenKernels k = open(path)) {
                GrpoLossResult r = k.grpoLoss(d.batch(), CFG, d.grad, d.lp);
                double[] refGrad = new double[t * 256];
                double[] ref = f.refGrpo(CFG, refGrad);
                Dev.back(d.grad, f.grad);
                Dev.back(d.lp, f.logProbs);
                assertTrue(Math.abs(r.loss() - ref[0]) / Math.max(Math.abs(ref[0]), 1e-6) < 1e-5,
                        "loss " + r.loss() + " vs " + ref[0]);
                assertTrue(Fixture.relErr(Fixture.floats(f.grad), refGrad) < 1e-5, "gradient");
                float[] g = Fixture.floats(f.grad);
                for (int i = 0; i < t; i++) {
                    if (!f.valid[i]) for (int j = 0; j < 256; j++) assertEquals(0, Float.floatToRawIntBits(g[i * 256 + j]));
                }
                k.logProb(d.logits, d.tokens, CFG.temperature(), d.lp);
                Dev.back(d.lp, f.logProbs);
                double[] refLp = Fixture.refLogProbs(f.x, f.tok, t, 256, CFG.temperature());
                assertTrue(Fixture.relErr(Fixture.floats(f.logProbs), refLp) < 1e-5, "log-probs");
            }
        }
    }

    @Tag("gpu")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"panama", "jcuda"})
    void gpuAndCpuDrawTheSameTokensForTheSameSeedAndOffset(String path) {
        assumeGpu(path);
        int t = 65536;
        try (Fixture f = new Fixture(t, 256, 3, 2.5f, 1.0, 1.6f); Dev d = Dev.of(f); CudaTokenKernels k = open(path);
                TokenKernels cpu = new FusedCpuKernels(2)) {
            k.sample(d.logits, 1.6f, 987654321L, 5_000_000_000L, d.tokens, d.lp);
            cpu.sample(f.logits, 1.6f, 987654321L, 5_000_000_000L, f.tokens, f.logProbs);
            long[] cpuTok = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
            Dev.back(d.tokens, f.tokens);
            long[] gpuTok = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
            int diff = 0;
            for (int i = 0; i < t; i++) diff += cpuTok[i] != gpuTok[i] ? 1 : 0;
            // only a draw within float rounding of a CDF boundary may differ (~1e-6 per row)
            assertTrue(diff <= 2, diff + " of " + t + " tokens differ between CPU and GPU");
        }
    }

    @Tag("gpu")
    @Test
    void gpuReportsNonFiniteLogitsWithTheFirstRow() {
        assumeGpu("panama");
        try (Fixture f = new Fixture(100, 256, 4, 1f, 1.0, 1.6f)) {
            f.x[17 * 256 + 5] = Float.NaN;
            f.x[60 * 256] = Float.NEGATIVE_INFINITY;
            f.upload();
            try (Dev d = Dev.of(f); CudaTokenKernels k = open("panama")) {
                KernelException e = assertThrows(KernelException.class, () -> k.grpoLoss(d.batch(), CFG, d.grad, null));
                assertEquals(NativeException.NUMERIC, e.status());
                assertEquals(17, e.row());
                e = assertThrows(KernelException.class, () -> k.sample(d.logits, 1.6f, 1, 0, d.tokens, null));
                assertEquals(17, e.row());
            }
        }
    }
}
