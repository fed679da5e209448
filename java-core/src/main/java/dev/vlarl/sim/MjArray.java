package dev.vlarl.sim;

import java.lang.foreign.MemorySegment;

/**
 * A MuJoCo array in place: {@code rows x cols} elements of {@code type}, row-major, viewed
 * without a copy. The segment is invalidated when its owner (model or data) is closed.
 *
 * @param segment the elements themselves (writes go to MuJoCo's memory)
 * @param rows    first dimension (e.g. nbody)
 * @param cols    second dimension (e.g. 3 for xpos)
 * @param type    element type
 */
public record MjArray(MemorySegment segment, long rows, long cols, Type type) {
    /** Element types (enum vm_type). */
    public enum Type {
        F64(8), F32(4), I32(4), U8(1), CHAR(1), STRUCT(0);

        /** Bytes per element (0 for STRUCT: ask the struct's size). */
        public final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }

        static Type of(int code) {
            return values()[code];
        }
    }

    /** rows * cols */
    public long length() {
        return rows * cols;
    }
}
