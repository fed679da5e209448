package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.torch.LeakCheck;
import dev.vlarl.bindings.TorchException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The base's auxiliary head (where the next grip event is) and its loss. */
@ExtendWith(LeakCheck.class)
class AuxHeadTest {
    static final PolicyConfig C = TinyVlaTest.C, AUX = C.withAux(true);

    static TinyVlaTest.Fixture fixture() {
        return TinyVlaTest.Fixture.of(List.of(0, 1, 2, 3));
    }

    @Test
    void theHeadChangesNothingElseAtInit() {
        TinyVlaTest.Fixture f = fixture();
        try (TinyVla plain = TinyVla.create(C, f.words().size()); TinyVla aux = TinyVla.create(AUX, f.words().size());
                TrainBatch b = new TrainBatch(4, C)) {
            f.batcher(plain).fillRandom(b, new SplittableRandom(3));
            assertTrue(aux.baseParameterCount() > plain.baseParameterCount());
            assertArrayEquals(TinyVlaTest.logits(plain, b), TinyVlaTest.logits(aux, b), "same seed, same weights, same logits");
        }
    }

    @Test
    void theAuxLossTrainsAndWeightZeroIsThePlainStep() {
        TinyVlaTest.Fixture f = fixture();
        try (TinyVla a = TinyVla.create(AUX, f.words().size()); TinyVla z = TinyVla.create(AUX, f.words().size());
                TinyVla p = TinyVla.create(AUX, f.words().size()); TrainBatch b = new TrainBatch(6, AUX)) {
            f.batcher(a).fillRandom(b, new SplittableRandom(1));
            SplittableRandom r = new SplittableRandom(9);
            for (int i = 0; i < b.size(); i++) b.setAux(i, i == 5 ? null : new float[] {(float) r.nextGaussian(0, 5), (float) r.nextGaussian(0, 5), 1});
            for (TinyVla m : List.of(a, z, p)) m.setTrainable(true, null);
            try (SftTrainer ta = SftTrainer.create(a, 3e-3, 0.0, 1.0); SftTrainer tz = SftTrainer.create(z, 3e-3, 0.0, 1.0);
                    SftTrainer tp = SftTrainer.create(p, 3e-3, 0.0, 1.0)) {
                double first = ta.step(b, 1.0).auxLoss(), last = first;
                for (int i = 0; i < 60; i++) last = ta.step(b, 1.0).auxLoss();
                assertTrue(last < 0.3 * first, "aux loss " + first + " -> " + last);
                for (int i = 0; i < 5; i++) {
                    tz.step(b, 0.0);
                    tp.step(b);
                }
                assertArrayEquals(TinyVlaTest.logits(p, b), TinyVlaTest.logits(z, b), "aux weight 0 must train exactly as the plain step");
            }
        }
    }

    @Test
    void badAuxInputsGiveClearErrors(@TempDir Path dir) {
        TinyVlaTest.Fixture f = fixture();
        try (TinyVla m = TinyVla.create(AUX, f.words().size()); TinyVla plain = TinyVla.create(C, f.words().size());
                TrainBatch b = new TrainBatch(2, AUX); TrainBatch noAux = new TrainBatch(2, C)) {
            f.batcher(m).fillRandom(b, new SplittableRandom(1));
            f.batcher(plain).fillRandom(noAux, new SplittableRandom(1));
            m.setTrainable(true, null);
            plain.setTrainable(true, null);
            try (SftTrainer t = SftTrainer.create(m, 1e-3, 0, 1); SftTrainer tp = SftTrainer.create(plain, 1e-3, 0, 1)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tp.step(noAux, 1.0));
                assertTrue(e.getMessage().contains("no auxiliary targets"), e.getMessage());
                b.setAux(0, new float[] {Float.NaN, 0, 0});
                TorchException n = assertThrows(TorchException.class, () -> t.step(b, 1.0));
                assertTrue(n.getMessage().contains("aux_target or aux_mask contains NaN"), n.getMessage());
                b.setAux(0, new float[] {0, 0, 0});
                TorchException w = assertThrows(TorchException.class, () -> t.step(b, -1.0));
                assertTrue(w.getMessage().contains("aux_weight"), w.getMessage());
            }
            // pretraining with an aux weight needs a base that has the head
            try (PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(C, f.words().size()), f.words(), f.actions())) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SftRun.run(p, f.demos(), null,
                        new SftConfig(2, 4, 1e-3, 0, 1, 0, 1, 100).withAuxWeight(0.5), dir.resolve("run"), false, Integer.MAX_VALUE));
                assertTrue(e.getMessage().contains("needs a base with an auxiliary head"), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SftConfig(2, 4, 1e-3, 0, 1, 0, 1, 100).withAuxWeight(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolicyConfig(32, 8, 8, 2, 8, 32, 2, 2, 64, 8, 8, 256, 4, 8.0, true, 0, false, 0, 2));
        assertTrue(e.getMessage().contains("aux must be 0 (none) or 3"), e.getMessage());
    }

    @Test
    void pretrainingWithTheAuxLossLogsItAndTheBundleKeepsTheHead(@TempDir Path dir) {
        TinyVlaTest.Fixture f = fixture();
        try (PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(AUX, f.words().size()), f.words(), f.actions())) {
            SftRun.run(p, f.demos(), null, new SftConfig(4, 4, 1e-3, 0, 1, 0, 1, 100).withAuxWeight(0.5), dir.resolve("run"), false,
                    Integer.MAX_VALUE);
            Policy.save(p, dir.resolve("bundle"));
        }
        try (Policy loaded = Policy.load(dir.resolve("bundle"))) {
            assertTrue(loaded.config().aux() == AUX.aux(), "the bundle's config keeps the head");
        }
        assertTrue(java.nio.file.Files.exists(dir.resolve("run/metrics.csv")));
        try {
            String header = java.nio.file.Files.readAllLines(dir.resolve("run/metrics.csv")).get(0);
            assertTrue(header.contains("losses/aux"), header);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
