package dev.vlarl.policy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one checkpoint file format of the policy (base, adapter, SFT state, bundle parts):
 * named binary entries with a format version and a SHA-256 checksum, written atomically.
 *
 * <pre>
 *   magic "VLARLCKP" | int32 version | int32 n | n x (UTF name, int64 length, bytes) | 32-byte SHA-256 of all before
 * </pre>
 * Writing goes to a temporary file in the same directory, forced to disk, then renamed over
 * the target: a crash leaves either the old file or the new one, never a torn one. Reading
 * checks magic, version and checksum before anything is used and names the problem.
 */
public final class Checkpoints {
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "VLARLCKP".getBytes(StandardCharsets.US_ASCII);

    private Checkpoints() {}

    /** Writes {@code entries} to {@code file} atomically. */
    public static void write(Path file, Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] sum = sha256(body, body.length);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ch.write(ByteBuffer.wrap(body));
                    ch.write(ByteBuffer.wrap(sum));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Reads and verifies {@code file}; entries in file order. */
    public static Map<String, byte[]> read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint '" + file + "': " + e, e);
        }
        if (all.length < MAGIC.length + 8 + 32 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
            throw new CheckpointException("'" + file + "' is not a vlarl checkpoint (no VLARLCKP header)");
        int version = ByteBuffer.wrap(all, MAGIC.length, 4).getInt();
        if (version != VERSION)
            throw new CheckpointException("checkpoint '" + file + "' has format version " + version + "; this build reads version " + VERSION);
        int bodyLength = all.length - 32;
        byte[] want = Arrays.copyOfRange(all, bodyLength, all.length);
        byte[] got = sha256(all, bodyLength);
        if (!Arrays.equals(want, got))
            throw new CheckpointException("checkpoint '" + file + "' is corrupt or truncated: SHA-256 " + HexFormat.of().formatHex(got)
                    + " does not match the recorded " + HexFormat.of().formatHex(want));
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length + 4, bodyLength - MAGIC.length - 4))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                long len = in.readLong();
                if (len < 0 || len > bodyLength) throw new CheckpointException("checkpoint '" + file + "': entry '" + name + "' has bad length " + len);
                out.put(name, in.readNBytes((int) len));
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint '" + file + "' is malformed: " + e, e);
        }
        return out;
    }

    /** The entry {@code name}, or an error naming the file and what it holds. */
    public static byte[] entry(Map<String, byte[]> entries, String name, Path file) {
        byte[] b = entries.get(name);
        if (b == null) throw new CheckpointException("checkpoint '" + file + "' lacks entry '" + name + "' (has " + entries.keySet() + ")");
        return b;
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
