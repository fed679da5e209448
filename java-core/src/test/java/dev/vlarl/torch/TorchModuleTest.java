package dev.vlarl.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlarl.bindings.NativeException;
import dev.vlarl.bindings.TorchException;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheck.class)
class TorchModuleTest {

    /** Fits y = x0 - 2 x1 + 0.5 with an MLP: forward, backward, AdamW step. */
    @Test
    void mlpLearnsALinearFunction() {
        Torch.manualSeed(7);
        Random rnd = new Random(1);
        try (Scope s = Scope.open()) {
            TorchModule m = s.attach(TorchModule.create("mlp", "in=2,hidden=32,out=1,layers=2"));
            Optimizer opt = s.attach(Optimizer.create(m, "adamw", "lr=1e-2,weight_decay=0"));
            Tensor x = s.attach(Tensor.zeros(DType.FLOAT32, 64, 2));
            Tensor y = s.attach(Tensor.zeros(DType.FLOAT32, 64, 1));
            double first = Double.NaN;
            double last = Double.NaN;
            for (int step = 0; step < 300; step++) {
                for (int i = 0; i < 64; i++) {
                    float a = (float) rnd.nextGaussian();
                    float b = (float) rnd.nextGaussian();
                    x.data().setAtIndex(ValueLayout.JAVA_FLOAT, 2L * i, a);
                    x.data().setAtIndex(ValueLayout.JAVA_FLOAT, 2L * i + 1, b);
                    y.data().setAtIndex(ValueLayout.JAVA_FLOAT, i, a - 2 * b + 0.5f);
                }
                opt.zeroGrad();
                Tensor[] out = m.forward(x);
                try (Tensor pred = out[0]; Tensor loss = Losses.mse(pred, y)) {
                    loss.backward();
                    double l = loss.sum();
                    if (step == 0) first = l;
                    last = l;
                }
                opt.step(1.0);
            }
            assertTrue(last < first * 0.02, "loss " + first + " -> " + last);
        }
    }

    @Test
    void saveAndLoadRestoreIdenticalOutputs(@TempDir Path dir) {
        Path file = dir.resolve("mlp.pt");
        try (Scope s = Scope.open()) {
            Torch.manualSeed(1);
            TorchModule a = s.attach(TorchModule.create("mlp", "in=3,hidden=8,out=2"));
            Torch.manualSeed(2);
            TorchModule b = s.attach(TorchModule.create("mlp", "in=3,hidden=8,out=2"));
            Tensor x = s.attach(Tensor.zeros(DType.FLOAT32, 5, 3).affine_(0, 0.3));
            Tensor ya = s.attach(Tensor.zeros(DType.FLOAT32, 5, 2));
            Tensor yb = s.attach(Tensor.zeros(DType.FLOAT32, 5, 2));
            a.forwardInto(new Tensor[] {x}, new Tensor[] {ya});
            b.forwardInto(new Tensor[] {x}, new Tensor[] {yb});
            assertNotEquals(ya.sum(), yb.sum());
            a.save(file);
            b.load(file);
            b.forwardInto(new Tensor[] {x}, new Tensor[] {yb});
            for (int i = 0; i < 10; i++) assertEquals(ya.getFloat(i), yb.getFloat(i));
        }
    }

    @Test
    void corruptOrMismatchedFileGivesClearError(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.pt");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        Path other = dir.resolve("other.pt");
        try (Scope s = Scope.open()) {
            TorchModule m = s.attach(TorchModule.create("mlp", "in=3,hidden=8,out=2"));
            TorchException e = assertThrows(TorchException.class, () -> m.load(junk));
            assertEquals(NativeException.IO, e.status());
            assertTrue(e.getMessage().contains("junk.pt"), e.getMessage());
            TorchException missing = assertThrows(TorchException.class, () -> m.load(dir.resolve("nope.pt")));
            assertTrue(missing.getMessage().contains("cannot open"), missing.getMessage());
            s.attach(TorchModule.create("mlp", "in=5,hidden=8,out=2")).save(other);
            TorchException shape = assertThrows(TorchException.class, () -> m.load(other));
            assertTrue(shape.getMessage().toLowerCase().contains("size") || shape.getMessage().contains("shape"),
                    shape.getMessage());
        }
    }

    @Test
    void unknownKindsAndKeysAreNamed() {
        TorchException kind = assertThrows(TorchException.class, () -> TorchModule.create("transformerz", ""));
        assertTrue(kind.getMessage().contains("transformerz") && kind.getMessage().contains("mlp"), kind.getMessage());
        TorchException key = assertThrows(TorchException.class, () -> TorchModule.create("mlp", "in=2,hiden=3"));
        assertTrue(key.getMessage().contains("hiden"), key.getMessage());
        assertEquals(NativeException.INVALID_ARGUMENT, key.status());
    }
}
