package dev.vlarl.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.VlarlKernels;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.LeakCheck;
import dev.vlarl.torch.Scope;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sampling: distribution (chi-square), the documented Philox counter mapping, determinism. */
@ExtendWith(LeakCheck.class)
class SamplingTest {
    static final float TEMP = 1.6f;
    static final int V = 256;

    @AfterEach
    void autoIsa() {
        FusedCpuKernels.setIsa(VlarlKernels.VK_ISA_AUTO);
    }

    @Test
    void philoxMatchesRandom123KnownAnswers() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_INT, 4);
            VlarlKernels.check(VlarlKernels.vk_philox4x32(0, 0, 0, 0, 0, 0, out));
            assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out.toArray(ValueLayout.JAVA_INT));
            VlarlKernels.check(VlarlKernels.vk_philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822,
                    0x299f31d0, out));
            assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out.toArray(ValueLayout.JAVA_INT));
            // and the Java port used below agrees
            assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                    philox(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
        }
    }

    /** Philox4x32-10 in Java (Random123), for the mapping test. */
    static int[] philox(int c0, int c1, int c2, int c3, int k0, int k1) {
        for (int r = 0; r < 10; r++) {
            long p0 = (c0 & 0xffffffffL) * 0xD2511F53L, p1 = (c2 & 0xffffffffL) * 0xCD9E8D57L;
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0, n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
            k0 += 0x9E3779B9;
            k1 += 0xBB67AE85;
        }
        return new int[] {c0, c1, c2, c3};
    }

    static double[] softmax(float[] row, float temp) {
        double m = Double.NEGATIVE_INFINITY;
        for (float x : row) m = Math.max(m, x / (double) temp);
        double[] p = new double[row.length];
        double s = 0;
        for (int j = 0; j < row.length; j++) s += p[j] = Math.exp(row[j] / (double) temp - m);
        for (int j = 0; j < row.length; j++) p[j] /= s;
        return p;
    }

    /** Chi-square critical value at upper-tail probability for z (Wilson-Hilferty). */
    static double chiSquareCritical(int df, double z) {
        double a = 2.0 / (9.0 * df);
        return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /** The statistic over bins with expected count >= 5 (the rest pooled into one bin); returns {chi2, df}. */
    static double[] chiSquare(long[] counts, double[] p, long n) {
        double chi2 = 0, poolE = 0, poolO = 0;
        int bins = 0;
        for (int j = 0; j < p.length; j++) {
            double e = p[j] * n;
            if (e < 5) {
                poolE += e;
                poolO += counts[j];
            } else {
                chi2 += (counts[j] - e) * (counts[j] - e) / e;
                bins++;
            }
        }
        if (poolE > 0) {
            chi2 += (poolO - poolE) * (poolO - poolE) / poolE;
            bins++;
        }
        return new double[] {chi2, bins - 1};
    }

    /** T copies of one row of logits, so each sampled token is one draw from softmax(row / t). */
    static float[] row(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] row = new float[V];
        for (int j = 0; j < V; j++) row[j] = (float) (Fixture.gauss(r) * 2.0);
        return row;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fused-scalar", "fused-avx2", "fused-avx512", "fused-2t", "composite"})
    void sampledTokensFollowSoftmaxOverTemperature(String which) {
        int isa = switch (which) {
            case "fused-scalar" -> VlarlKernels.VK_ISA_SCALAR;
            case "fused-avx2" -> VlarlKernels.VK_ISA_AVX2;
            case "fused-avx512" -> VlarlKernels.VK_ISA_AVX512;
            default -> VlarlKernels.VK_ISA_AUTO;
        };
        org.junit.jupiter.api.Assumptions.assumeTrue(FusedCpuKernels.isaSupported(isa), which + " not on this CPU");
        FusedCpuKernels.setIsa(isa);
        int n = 200_000;
        float[] row = row(1234);
        double[] p = softmax(row, TEMP);
        try (Scope s = Scope.open();
                TokenKernels k = which.equals("composite") ? new CompositeTorchKernels(1)
                        : new FusedCpuKernels(which.equals("fused-2t") ? 2 : 1)) {
            Tensor logits = s.attach(Tensor.zeros(DType.FLOAT32, n, V));
            for (int t = 0; t < n; t++) MemorySegment.copy(row, 0, logits.data(), ValueLayout.JAVA_FLOAT, 4L * t * V, V);
            Tensor tokens = s.attach(Tensor.zeros(DType.INT64, n));
            Tensor lp = s.attach(Tensor.zeros(DType.FLOAT32, n));
            k.sample(logits, TEMP, 20260101L, 0, tokens, lp);
            long[] counts = new long[V];
            long[] tok = tokens.data().toArray(ValueLayout.JAVA_LONG);
            float[] lps = lp.data().toArray(ValueLayout.JAVA_FLOAT);
            for (int t = 0; t < n; t++) {
                counts[(int) tok[t]]++;
                assertEquals(Math.log(p[(int) tok[t]]), lps[t], 1e-5, "log-prob of the sampled token");
            }
            double[] c = chiSquare(counts, p, n);
            double crit = chiSquareCritical((int) c[1], 3.090); // alpha = 0.001
            assertTrue(c[0] < crit, which + ": chi2 = " + c[0] + " with df " + (int) c[1] + " >= critical " + crit);
        }
    }

    @Test
    void tokenOfRowTIsTheDocumentedInverseCdfOfPhiloxAtOffsetPlusT() {
        int t = 4000;
        long seed = 0x1234_5678_9abcL, offset = 77_000_000_000L; // > 2^32: the high counter word is used
        try (Fixture f = new Fixture(t, V, 31, 2.5f, 1.0, TEMP); TokenKernels k = new FusedCpuKernels(2)) {
            k.sample(f.logits, TEMP, seed, offset, f.tokens, f.logProbs);
            long[] tok = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
            int agree = 0;
            for (int i = 0; i < t; i++) {
                long nIdx = offset + i;
                int[] r = philox((int) nIdx, (int) (nIdx >>> 32), 0, 0, (int) seed, (int) (seed >>> 32));
                double u = (r[0] >>> 8) * 0x1.0p-24;
                float[] row = java.util.Arrays.copyOfRange(f.x, i * V, (i + 1) * V);
                double[] p = softmax(row, TEMP);
                double c = 0;
                int expect = V - 1;
                for (int j = 0; j < V; j++) {
                    c += p[j];
                    if (c > u) {
                        expect = j;
                        break;
                    }
                }
                if (expect == tok[i]) agree++;
            }
            // float vs double cumulative sums may differ only at a CDF boundary
            assertTrue(agree >= t - 2, "only " + agree + " of " + t + " rows match the documented mapping");
        }
    }

    @Test
    void sameSeedAndOffsetGiveSameTokensOnEveryPathAndSplit() {
        int t = 3000;
        try (Fixture f = new Fixture(t, V, 8, 2f, 1.0, TEMP); Scope s = Scope.open()) {
            long[] base = null;
            for (int isa : new int[] {VlarlKernels.VK_ISA_SCALAR, VlarlKernels.VK_ISA_AVX2, VlarlKernels.VK_ISA_AVX512}) {
                if (!FusedCpuKernels.isaSupported(isa)) continue;
                FusedCpuKernels.setIsa(isa);
                for (int threads : new int[] {1, 2}) {
                    try (TokenKernels k = new FusedCpuKernels(threads)) {
                        k.sample(f.logits, TEMP, 42, 1000, f.tokens, null);
                        long[] tok = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
                        if (base == null) {
                            base = tok;
                        } else {
                            int diff = 0;
                            for (int i = 0; i < t; i++) diff += tok[i] != base[i] ? 1 : 0;
                            assertTrue(diff <= 1, diff + " tokens differ between code paths");
                        }
                    }
                }
            }
            FusedCpuKernels.setIsa(VlarlKernels.VK_ISA_AUTO);
            // rows 1000.. of the batch, sampled alone at offset 1000 + 1000: the same tokens
            Tensor tail = s.attach(Tensor.wrap(f.logits.data().asSlice(4L * 1000 * V), DType.FLOAT32, t - 1000, V));
            Tensor tailTok = s.attach(Tensor.zeros(DType.INT64, t - 1000));
            try (TokenKernels k = new FusedCpuKernels(1)) {
                k.sample(f.logits, TEMP, 42, 1000, f.tokens, null);
                k.sample(tail, TEMP, 42, 2000, tailTok, null);
                long[] all = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
                assertArrayEquals(java.util.Arrays.copyOfRange(all, 1000, t), tailTok.data().toArray(ValueLayout.JAVA_LONG));
                // a different offset gives different draws
                k.sample(f.logits, TEMP, 42, 1001, f.tokens, null);
                long[] shifted = f.tokens.data().toArray(ValueLayout.JAVA_LONG);
                int same = 0;
                for (int i = 0; i < t; i++) same += shifted[i] == all[i] ? 1 : 0;
                assertTrue(same < t / 2, same + " of " + t + " tokens unchanged by a new offset");
            }
        }
    }
}
