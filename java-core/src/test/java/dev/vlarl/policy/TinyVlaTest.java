package dev.vlarl.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.TorchException;
import dev.vlarl.env.EnvSpec;
import dev.vlarl.torch.DType;
import dev.vlarl.torch.LeakCheck;
import dev.vlarl.torch.Tensor;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(LeakCheck.class)
class TinyVlaTest {
    static final PolicyConfig C = PolicyConfig.tiny();
    static final int B = 6;

    record Fixture(DemoSet demos, InstructionTokenizer words, ActionTokenizer actions) {
        static Fixture of(List<Integer> tasks) {
            DemoSet d = new SyntheticDemos(tasks, 4, 12, C.image(), 7);
            return new Fixture(d, InstructionTokenizer.build(SyntheticDemos.allInstructions()),
                    ActionTokenizer.fit(DemoBatcher.allActions(d), C.bins()));
        }

        DemoBatcher batcher(TinyVla m) {
            return new DemoBatcher(demos, words, actions, C.chunk(), t -> m.hasTask(t) ? m.slot(t) : -1);
        }
    }

    static float[] logits(TinyVla m, TrainBatch b) {
        try (Tensor out = Tensor.zeros(DType.FLOAT32, b.size(), C.chunk(), EnvSpec.ACTION_DIM, C.bins())) {
            m.logitsInto(b.image(), b.state(), b.instruction(), b.slots(), out);
            return out.data().toArray(ValueLayout.JAVA_FLOAT);
        }
    }

    static void setSlots(TrainBatch b, int slot) {
        for (int i = 0; i < b.size(); i++) b.setSlot(i, slot);
    }

    static void train(TinyVla m, DemoBatcher batcher, TrainBatch b, int steps, long seed) {
        try (SftTrainer t = SftTrainer.create(m, 3e-3, 0.01, 1.0)) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < steps; i++) {
                batcher.fillRandom(b, r);
                t.step(b);
            }
        }
    }

    @Test
    void forwardHasTheContractShapesAndTrainingLowersTheLoss() {
        Fixture f = Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch b = new TrainBatch(B, C)) {
            assertTrue(m.baseParameterCount() > 10_000);
            DemoBatcher batcher = f.batcher(m);
            batcher.fillRandom(b, new SplittableRandom(1));
            try (Tensor logits = m.logits(b.image(), b.state(), b.instruction(), b.slots())) {
                assertArrayEquals(new long[] {B, C.chunk(), EnvSpec.ACTION_DIM, C.bins()}, logits.shape());
            }
            m.setTrainable(true, null);
            try (SftTrainer t = SftTrainer.create(m, 3e-3, 0.0, 1.0)) {
                double first = t.evaluate(b).loss();
                assertEquals(Math.log(256), first, 1.0);
                for (int i = 0; i < 40; i++) t.step(b);
                double last = t.evaluate(b).loss();
                assertTrue(last < first - 1.0, "loss " + first + " -> " + last);
            }
        }
    }

    /** The adapter kinds: transformer only, with the stem adapted, with a hand view. */
    static PolicyConfig kind(String adapters) {
        return switch (adapters) {
            case "plain" -> C;
            case "stem" -> C.withLoraStem(true);
            case "hand" -> C.withHandCrop(16);
            default -> throw new IllegalArgumentException(adapters);
        };
    }

    @ParameterizedTest(name = "adapters: {0}")
    @ValueSource(strings = {"plain", "stem", "hand"})
    void adapterIsolation(String adapters) {
        Fixture f = Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(kind(adapters), f.words().size()); TrainBatch b = new TrainBatch(B, C)) {
            int a = m.addTask(SyntheticDemos.taskName(0));
            DemoBatcher batcher = f.batcher(m);
            m.setTrainable(false, SyntheticDemos.taskName(0));
            train(m, batcher, b, 10, 1);
            int bSlot = m.addTask(SyntheticDemos.taskName(1));
            batcher.fillRandom(b, new SplittableRandom(5));
            setSlots(b, a);
            float[] aBefore = logits(m, b);
            setSlots(b, bSlot);
            float[] bBefore = logits(m, b);
            setSlots(b, -1);
            float[] base = logits(m, b);

            // Train B only (rows of task B through adapter B).
            m.setTrainable(false, SyntheticDemos.taskName(1));
            DemoBatcher onlyB = new DemoBatcher(new SyntheticDemos(List.of(1), 4, 12, C.image(), 9), f.words(), f.actions(),
                    C.chunk(), m::slot);
            train(m, onlyB, b, 10, 2);

            batcher.fillRandom(b, new SplittableRandom(5));
            setSlots(b, a);
            float[] aAfter = logits(m, b);
            assertArrayEquals(aBefore, aAfter, "training B changed A's outputs");  // bit-identical
            setSlots(b, bSlot);
            assertFalse(java.util.Arrays.equals(bBefore, logits(m, b)), "training B left B's outputs unchanged");
            setSlots(b, -1);
            assertArrayEquals(base, logits(m, b), "training B's adapter changed the frozen base");

            // Removing A's adapter: A's observations now go through the base alone.
            m.removeTask(SyntheticDemos.taskName(0));
            setSlots(b, a);
            TorchException e = assertThrows(TorchException.class, () -> logits(m, b));
            assertTrue(e.getMessage().contains("not a task of this policy"), e.getMessage());
            setSlots(b, -1);
            assertFalse(java.util.Arrays.equals(aBefore, logits(m, b)), "removing A's adapter left A's outputs unchanged");
            assertThrows(IllegalArgumentException.class, () -> m.slot(SyntheticDemos.taskName(0)));
        }
    }

    @ParameterizedTest(name = "adapters: {0}")
    @ValueSource(strings = {"plain", "stem", "hand"})
    void mixedBatchRoutesEachRowThroughItsOwnAdapter(String adapters) {
        Fixture f = Fixture.of(List.of(0, 1));
        try (TinyVla m = TinyVla.create(kind(adapters), f.words().size()); TrainBatch b = new TrainBatch(B, C)) {
            String ta = SyntheticDemos.taskName(0), tb = SyntheticDemos.taskName(1);
            m.addTask(ta);
            m.addTask(tb);
            DemoBatcher batcher = f.batcher(m);
            for (String t : List.of(ta, tb)) {
                m.setTrainable(false, t);
                train(m, batcher, b, 5, t.hashCode());
            }
            batcher.fillRandom(b, new SplittableRandom(3));
            int[] mix = {m.slot(ta), m.slot(tb), -1, m.slot(tb), m.slot(ta), -1};
            for (int i = 0; i < B; i++) b.setSlot(i, mix[i]);
            float[] mixed = logits(m, b);
            int row = C.chunk() * EnvSpec.ACTION_DIM * C.bins();
            for (int s : new int[] {m.slot(ta), m.slot(tb), -1}) {
                setSlots(b, s);
                float[] pure = logits(m, b);
                for (int i = 0; i < B; i++) {
                    if (mix[i] != s) continue;
                    for (int j = 0; j < row; j++) assertEquals(pure[i * row + j], mixed[i * row + j], 1e-4f, "row " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "adapters: {0}")
    @ValueSource(strings = {"plain", "stem", "hand"})
    void adapterAndBaseSaveAndLoadSeparately(String adapters, @TempDir Path dir) {
        Fixture f = Fixture.of(List.of(0));
        String ta = SyntheticDemos.taskName(0);
        try (TinyVla m = TinyVla.create(kind(adapters), f.words().size()); TrainBatch b = new TrainBatch(B, C);
                TinyVla other = TinyVla.create(kind(adapters).withSeed(99), f.words().size())) {
            m.addTask(ta);
            m.setTrainable(false, ta);
            DemoBatcher batcher = f.batcher(m);
            train(m, batcher, b, 5, 1);
            m.saveBaseRaw(dir.resolve("base.pt"));
            m.saveAdapterRaw(ta, dir.resolve("a.pt"));
            // small beside the base (the hand view's encoder is not, beside this tiny test base)
            if (!adapters.equals("hand")) assertTrue(dir.resolve("a.pt").toFile().length() < dir.resolve("base.pt").toFile().length() / 3);
            batcher.fillRandom(b, new SplittableRandom(4));
            setSlots(b, m.slot(ta));
            float[] want = logits(m, b);

            other.loadBaseRaw(dir.resolve("base.pt"));
            other.loadAdapterRaw(ta, dir.resolve("a.pt"));
            setSlots(b, other.slot(ta));
            assertArrayEquals(want, logits(other, b));
            if (!adapters.equals("plain")) return;
            // An adapter of another shape is refused and leaves no task behind.
            try (TinyVla wide = TinyVla.create(new PolicyConfig(32, 8, 8, 2, 8, 32, 2, 2, 64, 8, 8, 256, 2, 4.0, true, 0),
                    f.words().size())) {
                TorchException e = assertThrows(TorchException.class, () -> wide.loadAdapterRaw(ta, dir.resolve("a.pt")));
                assertTrue(e.getMessage().contains("does not match"), e.getMessage());
                assertFalse(wide.hasTask(ta));
            }
            // An adapter without the stem's FiLM does not load where adapters carry one.
            try (TinyVla film = TinyVla.create(C.withLoraStem(true), f.words().size())) {
                film.loadBaseRaw(dir.resolve("base.pt"));
                assertThrows(TorchException.class, () -> film.loadAdapterRaw(ta, dir.resolve("a.pt")));
                assertFalse(film.hasTask(ta));
            }
            // Nor where adapters carry a hand view.
            try (TinyVla hand = TinyVla.create(C.withHandCrop(16), f.words().size())) {
                hand.loadBaseRaw(dir.resolve("base.pt"));
                assertThrows(TorchException.class, () -> hand.loadAdapterRaw(ta, dir.resolve("a.pt")));
                assertFalse(hand.hasTask(ta));
            }
        }
    }

    @Test
    void badInputsGiveClearErrors() {
        Fixture f = Fixture.of(List.of(0));
        try (TinyVla m = TinyVla.create(C, f.words().size()); TrainBatch b = new TrainBatch(2, C);
                TrainBatch wrong = new TrainBatch(2, C.withImage(64))) {
            f.batcher(m).fillRandom(b, new SplittableRandom(1));
            TorchException e = assertThrows(TorchException.class, () -> logits(m, wrong));
            assertTrue(e.getMessage().contains("image must have shape [B, 32, 32, 3]"), e.getMessage());
            b.stateRow(1).setAtIndex(ValueLayout.JAVA_FLOAT, 3, Float.NaN);
            e = assertThrows(TorchException.class, () -> logits(m, b));
            assertTrue(e.getMessage().contains("state contains NaN or Inf (batch row 1)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.slot("libero/nope"));
            e = assertThrows(TorchException.class, () -> m.addTask(""));
            assertTrue(e.getMessage().contains("empty"));
        }
    }
}
