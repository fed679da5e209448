package dev.vlarl.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads {@code .vdemo} files (format in {@link dev.vlarl.demo}). The checksum is verified
 * before anything is decoded, so a corrupt file never yields data.
 *
 * <p>Test fixture (a few real episodes of the scripted experts, 128 x 128):
 * {@code java-core/src/test/resources/dev/vlarl/demo/fixture/*.vdemo}.
 */
public final class DemoReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReader() {}

    /** Reads one episode file. */
    public static Demonstration read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * Every {@code *.vdemo} file anywhere under {@code root}, in path order. Symbolic links are
     * followed: a run may gather recordings from several places with links.
     */
    public static List<Path> findUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vdemo")).sorted().toList();
        }
    }

    /** Reads every {@code *.vdemo} file of a directory, in file-name order. */
    public static List<Demonstration> readDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".vdemo")).sorted().toList();
        }
        List<Demonstration> out = new ArrayList<>(files.size());
        for (Path f : files) out.add(read(f));
        return out;
    }

    /** Decodes a whole file's bytes; {@code name} appears in error messages. */
    public static Demonstration decode(byte[] bytes, String name) throws DemoFormatException {
        int min = DemoCodec.MAGIC.length + 4 + 4 + DemoCodec.END_MAGIC.length;
        if (bytes.length < min) throw new DemoFormatException(name + ": truncated (" + bytes.length + " bytes)");
        if (!Arrays.equals(bytes, 0, 8, DemoCodec.MAGIC, 0, 8)) {
            throw new DemoFormatException(name + ": not a vlarl demonstration (bad magic)");
        }
        int endAt = bytes.length - DemoCodec.END_MAGIC.length;
        if (!Arrays.equals(bytes, endAt, bytes.length, DemoCodec.END_MAGIC, 0, 8)) {
            throw new DemoFormatException(name + ": truncated (end marker missing)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int stored = buf.getInt(endAt - 4);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, endAt - 4);
        if ((int) crc.getValue() != stored) {
            throw new DemoFormatException(name + String.format(": checksum mismatch (stored %08x, computed %08x): file is corrupt",
                    stored, (int) crc.getValue()));
        }
        buf.position(8).limit(endAt - 4);
        try {
            int headerLen = buf.getInt();
            if (headerLen <= 0 || headerLen > DemoCodec.MAX_HEADER || headerLen > buf.remaining()) {
                throw new DemoFormatException(name + ": bad header length " + headerLen);
            }
            String json = new String(bytes, buf.position(), headerLen, StandardCharsets.UTF_8);
            buf.position(buf.position() + headerLen);
            DemoHeader h;
            try {
                h = JSON.readValue(json, DemoHeader.class);
            } catch (IOException e) {
                throw new DemoFormatException(name + ": bad header: " + e.getMessage());
            }
            if (h.chunks() <= 0 || h.imageHeight() <= 0 || h.imageWidth() <= 0 || h.stateDim() <= 0 || h.actionDim() != 4) {
                throw new DemoFormatException(name + ": header has bad sizes: " + json);
            }
            List<Demonstration.Chunk> chunks = new ArrayList<>(h.chunks());
            Inflater inflater = new Inflater();
            int steps = 0;
            try {
                for (int c = 0; c < h.chunks(); c++) {
                    int n = buf.getInt();
                    if (n <= 0 || n > Math.max(1, h.chunkLength())) {
                        throw new DemoFormatException(name + ": chunk " + c + " has " + n + " actions (K = " + h.chunkLength() + ")");
                    }
                    float[] state = new float[h.stateDim()];
                    for (int i = 0; i < state.length; i++) state[i] = buf.getFloat();
                    float[] actions = new float[4 * n];
                    for (int i = 0; i < actions.length; i++) actions[i] = buf.getFloat();
                    int len = buf.getInt();
                    if (len <= 0 || len > buf.remaining()) throw new DemoFormatException(name + ": chunk " + c + " has a bad image length " + len);
                    byte[] image = new byte[h.imageBytes()];
                    inflater.reset();
                    inflater.setInput(bytes, buf.position(), len);
                    int got = inflater.inflate(image);
                    if (got != image.length || !inflater.finished()) {
                        throw new DemoFormatException(name + ": chunk " + c + " image decodes to " + got + " bytes, expected " + image.length);
                    }
                    buf.position(buf.position() + len);
                    DemoCodec.unfilter(image, h.imageHeight(), h.imageWidth());
                    chunks.add(new Demonstration.Chunk(state, actions, image));
                    steps += n;
                }
            } catch (DataFormatException e) {
                throw new DemoFormatException(name + ": corrupt image data: " + e.getMessage());
            } finally {
                inflater.end();
            }
            if (buf.hasRemaining()) throw new DemoFormatException(name + ": " + buf.remaining() + " unexpected bytes after the last chunk");
            if (steps != h.steps()) throw new DemoFormatException(name + ": header says " + h.steps() + " steps, records hold " + steps);
            return new Demonstration(h, chunks);
        } catch (java.nio.BufferUnderflowException e) {
            throw new DemoFormatException(name + ": truncated record");
        }
    }
}
