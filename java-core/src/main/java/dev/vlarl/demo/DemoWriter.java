package dev.vlarl.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Collects one episode's chunk records (frames compressed as they arrive) and writes the
 * {@code .vdemo} file (format in {@link dev.vlarl.demo}). Not thread-safe; one per episode.
 */
public final class DemoWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int imageHeight;
    private final int imageWidth;
    private final int stateDim;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
    private final Deflater deflater = new Deflater(6);
    private final byte[] frame;
    private byte[] packed = new byte[1 << 16];
    private int chunks;
    private int steps;

    public DemoWriter(int imageHeight, int imageWidth, int stateDim) {
        if (imageHeight <= 0 || imageWidth <= 0 || stateDim <= 0) throw new IllegalArgumentException("sizes must be positive");
        this.imageHeight = imageHeight;
        this.imageWidth = imageWidth;
        this.stateDim = stateDim;
        this.frame = new byte[imageHeight * imageWidth * 3];
    }

    /**
     * Adds one chunk record.
     *
     * @param state float32[S] (off-heap, e.g. a slice of ObservationBatch.states())
     * @param image uint8[H, W, 3], row 0 at the top
     * @param actions float32[n, 4] row-major, the actions executed from this observation
     * @param n actions executed, at least 1
     */
    public void addChunk(MemorySegment state, MemorySegment image, float[] actions, int n) {
        if (state.byteSize() != (long) stateDim * Float.BYTES) {
            throw new IllegalArgumentException("state has " + state.byteSize() + " bytes, expected " + stateDim * Float.BYTES);
        }
        if (image.byteSize() != frame.length) {
            throw new IllegalArgumentException("image has " + image.byteSize() + " bytes, expected " + frame.length);
        }
        if (n <= 0 || actions.length < n * 4) throw new IllegalArgumentException("need 1..K actions of 4 floats, got n=" + n);
        ByteBuffer head = ByteBuffer.allocate(4 + 4 * stateDim + 16 * n).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(n);
        for (int i = 0; i < stateDim; i++) head.putFloat(state.getAtIndex(ValueLayout.JAVA_FLOAT, i));
        for (int i = 0; i < 4 * n; i++) {
            float a = actions[i];
            if (!(a >= -1f && a <= 1f)) throw new IllegalArgumentException("action " + i + " = " + a + " is outside [-1, 1]");
            head.putFloat(a);
        }
        body.write(head.array(), 0, head.position());
        MemorySegment.copy(image, ValueLayout.JAVA_BYTE, 0, frame, 0, frame.length);
        DemoCodec.filter(frame, imageHeight, imageWidth);
        deflater.reset();
        deflater.setInput(frame);
        deflater.finish();
        int len = 0;
        while (!deflater.finished()) {
            if (len == packed.length) packed = java.util.Arrays.copyOf(packed, packed.length * 2);
            len += deflater.deflate(packed, len, packed.length - len);
        }
        body.write(le32(len), 0, 4);
        body.write(packed, 0, len);
        chunks++;
        steps += n;
    }

    /** Chunk records so far. */
    public int chunks() {
        return chunks;
    }

    /** Actions so far. */
    public int steps() {
        return steps;
    }

    /**
     * Writes the file (atomically: a temporary file renamed into place). {@code steps} and
     * {@code chunks} of the header are filled in from what was added; image size and state
     * dimension must match this writer's.
     */
    public void write(Path file, DemoHeader header) throws IOException {
        if (chunks == 0) throw new IllegalStateException("no chunks added");
        if (header.imageHeight() != imageHeight || header.imageWidth() != imageWidth || header.stateDim() != stateDim) {
            throw new IllegalArgumentException("header image/state sizes do not match the writer's");
        }
        DemoHeader h = new DemoHeader(header.task(), header.instruction(), header.seed(), header.outcome(), header.reason(),
                steps, chunks, imageHeight, imageWidth, header.chunkLength(), stateDim, header.actionDim(),
                header.substepsPerAction(), header.timestep(), header.maxStepMetres(), header.source());
        byte[] json = JSON.writeValueAsString(h).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writeCrc(out, crc, DemoCodec.MAGIC);
            writeCrc(out, crc, le32(json.length));
            writeCrc(out, crc, json);
            byte[] b = body.toByteArray();
            writeCrc(out, crc, b);
            out.write(le32((int) crc.getValue()));
            out.write(DemoCodec.END_MAGIC);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeCrc(OutputStream out, CRC32 crc, byte[] b) throws IOException {
        crc.update(b);
        out.write(b);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
