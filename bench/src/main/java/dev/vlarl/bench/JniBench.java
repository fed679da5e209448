package dev.vlarl.bench;

import dev.vlarl.bindings.NativeLibraries;
import dev.vlarl.bindings.NativeLibraryException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JNI twins of the functions in native/jni/vlarl_bench.h (exported by libvlarl_bench as
 * {@code Java_dev_vlarl_bench_JniBench_*}), so that the JNI and the FFM variants of
 * {@link DowncallBenchmark} call the same C code. The library is found the way
 * {@link NativeLibraries} finds vlarl's libraries.
 */
final class JniBench {
    static {
        System.load(locate().toString());
    }

    private JniBench() {}

    static native void noop();

    static native void noopArgs(long a, int b);

    /** Sum of the first n bytes of a direct buffer (its address, no copy); -1 for a heap buffer. */
    static native long sumBytesDirect(ByteBuffer buffer, long n);

    /** Sum of the first n bytes of an array, pinned with GetPrimitiveArrayCritical for the call. */
    static native long sumBytesArray(byte[] array, long n);

    private static Path locate() {
        String file = System.mapLibraryName("vlarl_bench");
        for (Path dir : NativeLibraries.searchPath()) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) return p.toAbsolutePath();
        }
        throw new NativeLibraryException(file + " not found. Searched: " + NativeLibraries.searchPath()
                + ". Build it with ./vlarl build (native/jni), or point -Dvlarl.native.dir at its directory.");
    }
}
