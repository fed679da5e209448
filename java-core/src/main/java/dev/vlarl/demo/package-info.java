/**
 * Demonstrations: what a scripted expert did, in the form the policy learns from.
 *
 * <h2>On-disk format ({@code .vdemo}, version 1): one episode per file</h2>
 * All numbers little-endian.
 * <pre>
 * offset 0   magic          8 bytes  "VLADEMO1"
 *            header_len     u32
 *            header         header_len bytes of UTF-8 JSON, see {@link dev.vlarl.demo.DemoHeader}
 *                           (task, instruction, seed, outcome, reason, steps, chunks, image
 *                           size, chunk length K, state/action dims, control rate)
 * then, header.chunks times, one record per policy query (one per action chunk):
 *            n_actions      u32      actions executed from this observation, 1..K
 *                                    (the last chunk of an episode may be short)
 *            state          f32[S]   the robot state the policy saw (EnvSpec field order)
 *            actions        f32[n_actions, 4]  (dx, dy, dz, grip) in [-1, 1], as executed
 *            image_len      u32
 *            image          image_len bytes: zlib (java.util.zip.Deflater) stream of the
 *                           uint8[H, W, 3] RGB frame the policy saw, row 0 at the top, after a
 *                           horizontal delta filter: each byte minus the same channel of the
 *                           pixel to its left (mod 256; the first pixel of a row is kept)
 * trailer    crc32          u32      CRC-32 (java.util.zip.CRC32) of every byte before it
 *            end magic      8 bytes  "VLADEND1"
 * </pre>
 * Only the frames the policy sees are stored: one per chunk, taken before its actions.
 * A file that is truncated, has a wrong magic, a checksum mismatch or an inconsistent
 * record gives a {@link dev.vlarl.demo.DemoFormatException} naming the file and the problem.
 *
 * <p>A recording directory holds {@code episode-NNNNNN.vdemo} files and a
 * {@code manifest.json} (task, counts, success rate) written by {@code ./vlarl demos}.
 * A small fixture for tests lives at
 * {@code java-core/src/test/resources/dev/vlarl/demo/fixture/} (see {@link dev.vlarl.demo.DemoReader}).
 */
package dev.vlarl.demo;
