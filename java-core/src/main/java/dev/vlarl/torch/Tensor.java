package dev.vlarl.torch;

import static dev.vlarl.bindings.VlarlTorch.check;

import dev.vlarl.bindings.VlarlTorch;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A libtorch tensor owned from Java. Either wraps Java-owned off-heap memory without a
 * copy ({@link #wrap}) or owns libtorch memory ({@link #zeros}); {@link #data()} is the
 * element memory itself, so writes from either side are seen by the other.
 */
public final class Tensor extends NativeResource {
    private final MemorySegment handle;
    private final DType dtype;
    private final long[] shape;
    private final MemorySegment data;
    // Keeps wrapped Java memory reachable for as long as libtorch may read it.
    @SuppressWarnings("unused")
    private final MemorySegment keepAlive;

    private Tensor(MemorySegment handle, MemorySegment keepAlive) {
        this.handle = handle;
        this.keepAlive = keepAlive;
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_tensor_dtype(handle, s));
        this.dtype = DType.of(s.get(ValueLayout.JAVA_INT, 0));
        check(VlarlTorch.vt_tensor_ndim(handle, s));
        int ndim = s.get(ValueLayout.JAVA_INT, 0);
        check(VlarlTorch.vt_tensor_shape(handle, s, ndim));
        this.shape = new long[ndim];
        for (int i = 0; i < ndim; i++) shape[i] = s.getAtIndex(ValueLayout.JAVA_LONG, i);
        long bytes = numel(shape) * dtype.bytes;
        if (bytes == 0) {
            this.data = MemorySegment.NULL;
        } else {
            check(VlarlTorch.vt_tensor_data(handle, s));
            this.data = s.get(ValueLayout.ADDRESS, 0).reinterpret(bytes);
        }
    }

    /** Adopts a handle returned by the shim (this object becomes its one owner). */
    public static Tensor adopt(MemorySegment handle) {
        if (handle == null || handle.equals(MemorySegment.NULL)) {
            throw new IllegalArgumentException("null tensor handle");
        }
        try {
            return new Tensor(handle, null);
        } catch (RuntimeException e) {
            VlarlTorch.vt_tensor_free(handle);
            throw e;
        }
    }

    /**
     * A tensor over {@code memory} (off-heap, row-major, at least numel x dtype bytes),
     * with no copy: libtorch reads and writes these very bytes.
     */
    public static Tensor wrap(MemorySegment memory, DType dtype, long... shape) {
        if (memory.isNative() == false) {
            throw new IllegalArgumentException("wrap needs off-heap memory (a heap segment can move)");
        }
        long need = numel(shape) * dtype.bytes;
        if (memory.byteSize() < need) {
            throw new IllegalArgumentException("memory holds " + memory.byteSize() + " bytes; shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + need);
        }
        MemorySegment s = Scratch.get();
        MemorySegment dims = s.asSlice(64, 8L * shape.length);
        for (int i = 0; i < shape.length; i++) dims.setAtIndex(ValueLayout.JAVA_LONG, i, shape[i]);
        check(VlarlTorch.vt_tensor_from_blob(memory, dims, shape.length, dtype.code, s));
        MemorySegment h = s.get(ValueLayout.ADDRESS, 0);
        try {
            return new Tensor(h, memory);
        } catch (RuntimeException e) {
            VlarlTorch.vt_tensor_free(h);
            throw e;
        }
    }

    /** A new zero-filled tensor owning libtorch memory. */
    public static Tensor zeros(DType dtype, long... shape) {
        MemorySegment s = Scratch.get();
        MemorySegment dims = s.asSlice(64, 8L * shape.length);
        for (int i = 0; i < shape.length; i++) dims.setAtIndex(ValueLayout.JAVA_LONG, i, shape[i]);
        check(VlarlTorch.vt_tensor_zeros(dims, shape.length, dtype.code, s));
        return adopt(s.get(ValueLayout.ADDRESS, 0));
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The native vt_tensor* (for binding adapters; do not free it). */
    public MemorySegment handle() {
        ensureOpen();
        return handle;
    }

    /** The element memory (numel x dtype bytes), shared with libtorch. */
    public MemorySegment data() {
        ensureOpen();
        return data;
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    public long numel() {
        return numel(shape);
    }

    /** Size of dimension {@code dim} (no copy of the shape, for per-step checks). */
    public long size(int dim) {
        return shape[dim];
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** In place: this = this * mul + add (done by libtorch). */
    public Tensor affine_(double mul, double add) {
        check(VlarlTorch.vt_tensor_affine_(handle(), mul, add));
        return this;
    }

    /** Copies {@code src} into this tensor (broadcasting, converting dtype). */
    public Tensor copyFrom(Tensor src) {
        check(VlarlTorch.vt_tensor_copy_(handle(), src.handle()));
        return this;
    }

    /** Sum of all elements. */
    public double sum() {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_tensor_sum(handle(), s));
        return s.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    /** this @ other, as a new tensor. */
    public Tensor matmul(Tensor other) {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_matmul(handle(), other.handle(), s));
        return adopt(s.get(ValueLayout.ADDRESS, 0));
    }

    /** A detached copy that owns its own memory. */
    public Tensor copy() {
        MemorySegment s = Scratch.get();
        check(VlarlTorch.vt_tensor_clone(handle(), s));
        return adopt(s.get(ValueLayout.ADDRESS, 0));
    }

    /** Back-propagates from this scalar. */
    public void backward() {
        check(VlarlTorch.vt_backward(handle()));
    }

    /** Back-propagates {@code grad} (same shape) into the graph that produced this tensor. */
    public void backward(Tensor grad) {
        check(VlarlTorch.vt_backward_with_grad(handle(), grad.handle()));
    }

    /** Element as float (flat index); for tests and small reads. */
    public float getFloat(long index) {
        return data().getAtIndex(ValueLayout.JAVA_FLOAT, index);
    }

    @Override
    protected void release() {
        check(VlarlTorch.vt_tensor_free(handle));
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + " " + dtype + (isClosed() ? " (closed)" : "");
    }
}
