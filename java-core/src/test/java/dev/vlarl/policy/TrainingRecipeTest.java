package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.TorchException;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.torch.LeakCheck;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The SFT recipe's parts: soft token targets, random-shift augmentation, the stem variants. */
@ExtendWith(LeakCheck.class)
class TrainingRecipeTest {
    static final PolicyConfig C = PolicyConfig.tiny();

    static byte pixel(MemorySegment img, int side, int x, int y, int c) {
        return img.get(ValueLayout.JAVA_BYTE, ((long) y * side + x) * EnvSpec.CHANNELS + c);
    }

    @Test
    void shiftMovesPixelsAndRepeatsTheEdges() {
        TinyVlaTest.Fixture f = TinyVlaTest.Fixture.of(List.of(0));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch b = new TrainBatch(1, C)) {
            DemoBatcher batcher = f.batcher(m);
            int side = C.image();
            MemorySegment img = b.imageRow(0);
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++)
                    for (int c = 0; c < 3; c++) img.set(ValueLayout.JAVA_BYTE, ((long) y * side + x) * 3 + c, (byte) (x + 2 * y + 50 * c));
            byte[] before = img.toArray(ValueLayout.JAVA_BYTE);
            batcher.shiftImage(img, side, 0, 0);
            assertArrayEquals(before, img.toArray(ValueLayout.JAVA_BYTE), "a zero shift changes nothing");
            batcher.shiftImage(img, side, 3, -2);
            for (int c = 0; c < 3; c++) {
                // (x, y) now holds what was at (x - 3, y + 2), clamped to the image
                assertEquals((byte) (10 - 3 + 2 * (5 + 2) + 50 * c), pixel(img, side, 10, 5, c));
                assertEquals((byte) (0 + 2 * (5 + 2) + 50 * c), pixel(img, side, 1, 5, c), "left edge repeats column 0");
                assertEquals((byte) (7 + 2 * (side - 1) + 50 * c), pixel(img, side, 10, side - 1, c), "bottom edge repeats the last row");
            }
        }
    }

    @Test
    void shiftedBatchesAreReproducibleAndDiffer() {
        TinyVlaTest.Fixture f = TinyVlaTest.Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch a = new TrainBatch(8, C);
                TrainBatch b = new TrainBatch(8, C); TrainBatch plain = new TrainBatch(8, C)) {
            DemoBatcher batcher = f.batcher(m);
            batcher.fillRandom(a, new SplittableRandom(9), 2, 0);
            batcher.fillRandom(b, new SplittableRandom(9), 2, 0);
            assertArrayEquals(a.image().data().toArray(ValueLayout.JAVA_BYTE), b.image().data().toArray(ValueLayout.JAVA_BYTE));
            batcher.fillRandom(plain, new SplittableRandom(9), 0, 0);
            assertFalse(java.util.Arrays.equals(a.image().data().toArray(ValueLayout.JAVA_BYTE),
                    plain.image().data().toArray(ValueLayout.JAVA_BYTE)), "shift 2 moved some image");
            assertThrows(IllegalArgumentException.class, () -> batcher.fillRandom(a, new SplittableRandom(1), -1, 0));
        }
    }

    /** Soft-target cross-entropy computed here from the logits, in double. */
    static double softCe(float[] logits, TrainBatch b, double sigma) {
        int bins = C.bins(), rows = logits.length / bins;
        int[] t = b.targets().data().toArray(ValueLayout.JAVA_INT);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < bins; v++) max = Math.max(max, logits[r * bins + v]);
            double z = 0;
            for (int v = 0; v < bins; v++) z += Math.exp(logits[r * bins + v] - max);
            double lz = max + Math.log(z), qs = 0, ce = 0;
            for (int v = 0; v < bins; v++) qs += Math.exp(-0.5 * (v - t[r]) * (v - t[r]) / (sigma * sigma));
            for (int v = 0; v < bins; v++) {
                double q = Math.exp(-0.5 * (v - t[r]) * (v - t[r]) / (sigma * sigma)) / qs;
                ce -= q * (logits[r * bins + v] - lz);
            }
            sum += ce;
        }
        return sum / rows;
    }

    @Test
    void softTargetLossMatchesAReferenceAndOneHotInTheLimit() {
        TinyVlaTest.Fixture f = TinyVlaTest.Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch b = new TrainBatch(6, C)) {
            f.batcher(m).fillRandom(b, new SplittableRandom(3));
            m.setTrainable(true, null);
            float[] logits = TinyVlaTest.logits(m, b);
            // lr tiny: the step reports the loss of the weights before the update
            try (SftTrainer soft = SftTrainer.create(m, 1e-12, 0, 1.0, 2.0)) {
                assertEquals(softCe(logits, b, 2.0), soft.step(b).loss(), 1e-4);
            }
            try (SftTrainer oneHot = SftTrainer.create(m, 1e-12, 0, 1.0, 0); SftTrainer narrow = SftTrainer.create(m, 1e-12, 0, 1.0, 1e-3)) {
                double hard = oneHot.evaluate(b).loss();
                assertEquals(hard, oneHot.step(b).loss(), 1e-5);
                assertEquals(hard, narrow.step(b).loss(), 1e-4, "a very narrow Gaussian is the one-hot target");
            }
            TorchException bad = assertThrows(TorchException.class, () -> SftTrainer.create(m, 1e-3, 0, 1.0, -1));
            assertTrue(bad.getMessage().contains("label_sigma"), bad.getMessage());
        }
    }

    @Test
    void bothStemVariantsBuildAndTheDeeperOneHasMoreParameters() {
        PolicyConfig one = new PolicyConfig(32, 8, 8, 1, 8, 32, 2, 2, 64, 8, 8, 256, 4, 8.0, true, 0);
        try (TinyVla a = TinyVla.create(one, 20); TinyVla b = TinyVla.create(C, 20)) {
            assertEquals(2, C.stemConvs());
            assertTrue(b.baseParameterCount() > a.baseParameterCount());
        }
        assertThrows(IllegalArgumentException.class, () -> new PolicyConfig(32, 8, 8, 3, 8, 32, 2, 2, 64, 8, 8, 256, 4, 8.0, true, 0));
    }

    @Test
    void keypointTokenIsOptionalAndPartOfTheBase(@TempDir java.nio.file.Path dir) {
        PolicyConfig none = new PolicyConfig(32, 8, 8, 2, 0, 32, 2, 2, 64, 8, 8, 256, 4, 8.0, true, 0);
        TinyVlaTest.Fixture f = TinyVlaTest.Fixture.of(List.of(0));
        try (TinyVla a = TinyVla.create(none, f.words().size()); TinyVla b = TinyVla.create(C, f.words().size());
                TrainBatch batch = new TrainBatch(3, C)) {
            assertEquals(8, C.keypoints());
            // 1x1 conv (stem -> 8 maps) + projection of 16 coordinates + one more position embedding
            long extra = (8L * 8 + 8) + (16L * 32 + 32) + 32;
            assertEquals(extra, b.baseParameterCount() - a.baseParameterCount());
            f.batcher(b).fillRandom(batch, new SplittableRandom(2));
            float[] x = TinyVlaTest.logits(a, batch), y = TinyVlaTest.logits(b, batch);
            assertEquals(x.length, y.length);
            b.saveBaseRaw(dir.resolve("kp.pt"));
            TorchException e = assertThrows(TorchException.class, () -> a.loadBaseRaw(dir.resolve("kp.pt")));
            assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new PolicyConfig(32, 8, 8, 2, -1, 32, 2, 2, 64, 8, 8, 256, 4, 8.0, true, 0));
    }

    /** One episode of 5 observations with one action each: action t is (t/10, 0, 0, 0). */
    record OneActionPerFrame(int side) implements DemoSet {
        public int episodes() { return 1; }
        public String task(int e) { return "t"; }
        public String instruction(int e) { return "lift it"; }
        public int length(int e) { return 5; }
        public void image(int e, int t, MemorySegment dst) { dst.fill((byte) t); }
        public void state(int e, int t, MemorySegment dst) { dst.fill((byte) 0); }
        public int actions(int e, int t) { return 1; }
        public float action(int e, int t, int k, int d) { return d == 0 ? t / 10f : 0f; }
        public int imageSide() { return side; }
    }

    @Test
    void targetsReadTheNextObservationsActionsWhenAFrameHoldsFewerThanK() {
        DemoSet d = new OneActionPerFrame(C.image());
        InstructionTokenizer w = InstructionTokenizer.build(java.util.Set.of("lift it"));
        ActionTokenizer a = ActionTokenizer.fit(new float[][] {{-1, -1, -1, -1}, {1, 1, 1, 1}}, C.bins());
        try (TrainBatch b = new TrainBatch(5, C)) {
            DemoBatcher batcher = new DemoBatcher(d, w, a, C.chunk(), t -> -1);
            assertEquals(5, batcher.samples(), "every frame is a sample");
            for (int s = 0; s < 5; s++) batcher.fillRow(b, s, s);
            int[] tg = b.targets().data().toArray(ValueLayout.JAVA_INT);
            for (int s = 0; s < 5; s++) {
                for (int k = 0; k < C.chunk(); k++) {
                    int from = Math.min(s + k, 4);  // past the end: the last action holds
                    assertEquals(a.token(0, from / 10f), tg[(s * C.chunk() + k) * EnvSpec.ACTION_DIM], "sample " + s + " step " + k);
                }
            }
        }
    }

    @Test
    void stateNoiseMovesOnlyTheGripperPositionAndIsReproducible() {
        TinyVlaTest.Fixture f = TinyVlaTest.Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch clean = new TrainBatch(16, C);
                TrainBatch noisy = new TrainBatch(16, C); TrainBatch again = new TrainBatch(16, C)) {
            DemoBatcher batcher = f.batcher(m);
            batcher.fillRandom(clean, new SplittableRandom(4), 0, 0);
            batcher.fillRandom(noisy, new SplittableRandom(4), 0, 0.03);
            batcher.fillRandom(again, new SplittableRandom(4), 0, 0.03);
            float[] a = clean.state().data().toArray(ValueLayout.JAVA_FLOAT), b = noisy.state().data().toArray(ValueLayout.JAVA_FLOAT);
            assertArrayEquals(b, again.state().data().toArray(ValueLayout.JAVA_FLOAT));
            double sq = 0;
            int n = 0;
            for (int i = 0; i < 16; i++) {
                for (int k = 0; k < EnvSpec.STATE_DIM; k++) {
                    float x = a[i * EnvSpec.STATE_DIM + k], y = b[i * EnvSpec.STATE_DIM + k];
                    if (k >= 3) assertEquals(x, y, "state[" + k + "] is not a position and stays");
                    else {
                        sq += (y - x) * (y - x);
                        n++;
                    }
                }
            }
            double std = Math.sqrt(sq / n);
            assertTrue(std > 0.015 && std < 0.05, "position noise std " + std);
        }
    }
}
