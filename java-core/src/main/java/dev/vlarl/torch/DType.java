package dev.vlarl.torch;

import dev.vlarl.bindings.VlarlTorch;

/** Element types shared with libtorch (enum vt_dtype). */
public enum DType {
    FLOAT32(VlarlTorch.VT_FLOAT32, 4),
    FLOAT64(VlarlTorch.VT_FLOAT64, 8),
    INT32(VlarlTorch.VT_INT32, 4),
    INT64(VlarlTorch.VT_INT64, 8),
    UINT8(VlarlTorch.VT_UINT8, 1),
    BOOL(VlarlTorch.VT_BOOL, 1);

    /** The vt_dtype code. */
    public final int code;
    /** Bytes per element. */
    public final int bytes;

    DType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    static DType of(int code) {
        for (DType d : values()) if (d.code == code) return d;
        throw new IllegalArgumentException("unknown vt_dtype code " + code);
    }
}
