package dev.vlarl.kernels;

import dev.vlarl.torch.DType;
import dev.vlarl.torch.Scope;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * Fresh random GRPO inputs in libtorch tensors, plus the float64 reference computed in
 * Java from the very same values (kernels/vlarl_kernels.h, "Numerics").
 */
final class Fixture implements AutoCloseable {
    final int t, v;
    final Scope scope = Scope.open();
    final Tensor logits, tokens, oldLogp, advantages, mask, grad, logProbs;
    final float[] x;
    final long[] tok;
    final float[] old, adv;
    final boolean[] valid;

    /** Logits ~ N(0, sigma); old log-probs near the current ones so ratios straddle both clip bounds. */
    Fixture(int t, int v, long seed, float sigma, double validShare, float temperature) {
        this.t = t;
        this.v = v;
        SplittableRandom rnd = new SplittableRandom(seed);
        x = new float[t * v];
        for (int i = 0; i < x.length; i++) x[i] = (float) (gauss(rnd) * sigma);
        tok = new long[t];
        old = new float[t];
        adv = new float[t];
        valid = new boolean[t];
        for (int i = 0; i < t; i++) tok[i] = rnd.nextInt(v);
        double[] lp = refLogProbs(x, tok, t, v, temperature);
        for (int i = 0; i < t; i++) {
            old[i] = (float) (lp[i] + gauss(rnd) * 0.3);
            adv[i] = (float) ((rnd.nextBoolean() ? 1 : -1) * (0.2 + rnd.nextDouble()));
            valid[i] = rnd.nextDouble() < validShare;
        }
        logits = scope.attach(Tensor.zeros(DType.FLOAT32, t, v));
        tokens = scope.attach(Tensor.zeros(DType.INT64, t));
        oldLogp = scope.attach(Tensor.zeros(DType.FLOAT32, t));
        advantages = scope.attach(Tensor.zeros(DType.FLOAT32, t));
        mask = scope.attach(Tensor.zeros(DType.BOOL, t));
        grad = scope.attach(Tensor.zeros(DType.FLOAT32, t, v));
        logProbs = scope.attach(Tensor.zeros(DType.FLOAT32, t));
        upload();
    }

    static double gauss(SplittableRandom r) {
        double u = r.nextDouble(), w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }

    /** Writes the Java arrays into the tensors (after a test edited them). */
    void upload() {
        MemorySegment.copy(x, 0, logits.data(), ValueLayout.JAVA_FLOAT, 0, x.length);
        MemorySegment.copy(tok, 0, tokens.data(), ValueLayout.JAVA_LONG, 0, t);
        MemorySegment.copy(old, 0, oldLogp.data(), ValueLayout.JAVA_FLOAT, 0, t);
        MemorySegment.copy(adv, 0, advantages.data(), ValueLayout.JAVA_FLOAT, 0, t);
        for (int i = 0; i < t; i++) mask.data().set(ValueLayout.JAVA_BYTE, i, (byte) (valid[i] ? 1 : 0));
    }

    GrpoLossBatch batch() {
        return new GrpoLossBatch(logits, tokens, oldLogp, advantages, mask);
    }

    static float[] floats(Tensor t) {
        return t.data().toArray(ValueLayout.JAVA_FLOAT);
    }

    // ---- float64 reference ---------------------------------------------------------

    static double[] refLogProbs(float[] x, long[] tok, int t, int v, float temperature) {
        double[] out = new double[t];
        for (int i = 0; i < t; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) m = Math.max(m, x[i * v + j] / (double) temperature);
            double s = 0;
            for (int j = 0; j < v; j++) s += Math.exp(x[i * v + j] / (double) temperature - m);
            out[i] = x[i * v + (int) tok[i]] / (double) temperature - m - Math.log(s);
        }
        return out;
    }

    /** The reference loss: {loss, clipFraction} and the gradient into grad[T * V]. */
    double[] refGrpo(GrpoLossConfig c, double[] grad) {
        double temp = c.temperature();
        int n = 0;
        for (boolean b : valid) n += b ? 1 : 0;
        double invN = 1.0 / Math.max(1, n);
        double lo = 1 - (double) c.clipLow(), hi = 1 + (double) c.clipHigh();
        double loss = 0, clipped = 0;
        java.util.Arrays.fill(grad, 0);
        double[] lp = refLogProbs(x, tok, t, v, c.temperature());
        for (int i = 0; i < t; i++) {
            if (!valid[i]) continue;
            double logRatio = lp[i] - old[i];
            boolean clamped = logRatio < -20 || logRatio > 20;
            logRatio = Math.max(-20, Math.min(20, logRatio));
            double ratio = Math.exp(logRatio);
            double a = adv[i];
            double pg1 = -a * ratio, pg2 = -a * Math.max(lo, Math.min(hi, ratio));
            loss += Math.max(pg1, pg2);
            if (pg2 > pg1) clipped++;
            double dlogp = (pg1 >= pg2 && !clamped) ? -a * ratio * invN : 0;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) m = Math.max(m, x[i * v + j] / temp);
            double s = 0;
            for (int j = 0; j < v; j++) s += Math.exp(x[i * v + j] / temp - m);
            for (int j = 0; j < v; j++) {
                double p = Math.exp(x[i * v + j] / temp - m) / s;
                grad[i * v + j] = dlogp * ((j == tok[i] ? 1 : 0) - p) / temp;
            }
        }
        return new double[] {loss * invN, clipped * invN};
    }

    /** max|out - ref| / max(max|ref|, 1e-6), the error measure. */
    static double relErr(float[] out, double[] ref) {
        double num = 0, den = 0;
        for (int i = 0; i < ref.length; i++) {
            num = Math.max(num, Math.abs(out[i] - ref[i]));
            den = Math.max(den, Math.abs(ref[i]));
        }
        return num / Math.max(den, 1e-6);
    }

    @Override
    public void close() {
        scope.close();
    }
}
