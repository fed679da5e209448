package dev.vlarl.demo;

import java.nio.charset.StandardCharsets;

/** Constants and the frame filter shared by {@link DemoWriter} and {@link DemoReader}. */
final class DemoCodec {
    private DemoCodec() {}

    static final byte[] MAGIC = "VLADEMO1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END_MAGIC = "VLADEND1".getBytes(StandardCharsets.US_ASCII);
    /** Largest header we accept (a corrupt length must not allocate gigabytes). */
    static final int MAX_HEADER = 1 << 20;

    /** Horizontal delta filter in place: each byte minus the same channel of the left pixel. */
    static void filter(byte[] rgb, int height, int width) {
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            int base = y * row;
            for (int i = row - 1; i >= 3; i--) {
                rgb[base + i] = (byte) (rgb[base + i] - rgb[base + i - 3]);
            }
        }
    }

    /** Inverse of {@link #filter}. */
    static void unfilter(byte[] rgb, int height, int width) {
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            int base = y * row;
            for (int i = 3; i < row; i++) {
                rgb[base + i] = (byte) (rgb[base + i] + rgb[base + i - 3]);
            }
        }
    }
}
