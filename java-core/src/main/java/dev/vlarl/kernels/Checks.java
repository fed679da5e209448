package dev.vlarl.kernels;

import dev.vlarl.torch.DType;
import dev.vlarl.torch.Tensor;

/** Argument checks shared by the paths: clear messages, no allocation on success. */
final class Checks {
    private Checks() {}

    static void logits(Tensor logits) {
        if (logits.ndim() != 2 || logits.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("logits must be float32[T, V], got " + logits);
        }
    }

    static void vector(Tensor v, long t, DType type, String name) {
        if (v.ndim() != 1 || v.size(0) != t || v.dtype() != type) {
            throw new IllegalArgumentException(name + " must be " + type + "[" + t + "], got " + v);
        }
    }

    static void mask(Tensor m, long t) {
        if (m.ndim() != 1 || m.size(0) != t || (m.dtype() != DType.BOOL && m.dtype() != DType.UINT8)) {
            throw new IllegalArgumentException("mask must be BOOL or UINT8[" + t + "], got " + m);
        }
    }

    static void grad(Tensor grad, Tensor logits) {
        if (grad.ndim() != 2 || grad.size(0) != logits.size(0) || grad.size(1) != logits.size(1)
                || grad.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("grad must be float32[" + logits.size(0) + ", " + logits.size(1)
                    + "], got " + grad);
        }
    }

    static int vocab(Tensor logits) {
        long v = logits.size(1);
        if (v > Integer.MAX_VALUE) throw new IllegalArgumentException("V too large: " + v);
        return (int) v;
    }
}
