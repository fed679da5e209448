package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Draws training samples (episode, step) from a {@link DemoSet} and writes them into a
 * {@link TrainBatch}: observation t and, as targets, the tokens of the K actions executed
 * from it, read across the following observations when a recording holds fewer than K actions
 * per frame (`./vlarl demos --chunk 1` records every step); past the episode's end the last
 * action repeats (the expert holds still).
 *
 * <p>Augmentation: {@link #fillRandom(TrainBatch, SplittableRandom, int, double)} translates each image by
 * a random whole-pixel offset in [-shift, shift]^2, repeating the edge pixels (the random-shift
 * augmentation of DrQ; Diffusion Policy's random crop is the same idea). The offsets come from
 * the caller's generator, so a resumed run draws the same batches as an uninterrupted one.
 */
public final class DemoBatcher {
    private final DemoSet demos;
    private final InstructionTokenizer words;
    private final ActionTokenizer actions;
    private final ToIntFunction<String> slotOf;
    private final int[] sampleEpisode;
    private final int[] sampleStep;
    private final int chunk;
    private byte[] src = new byte[0], dst = new byte[0];
    private int[] drawn = new int[0];
    private final GripEvents events;
    private final float[] event = new float[GripEvents.DIMS];

    /**
     * @param slotOf adapter slot for a task name (-1: base only)
     */
    public DemoBatcher(DemoSet demos, InstructionTokenizer words, ActionTokenizer actions, int chunk,
            ToIntFunction<String> slotOf) {
        this.demos = demos;
        this.words = words;
        this.actions = actions;
        this.chunk = chunk;
        this.slotOf = slotOf;
        // aux targets (a batch with an auxiliary head only) read states through a small heap buffer
        this.events = new GripEvents(demos, MemorySegment.ofArray(new float[EnvSpec.STATE_DIM]));
        List<int[]> s = new ArrayList<>();
        for (int e = 0; e < demos.episodes(); e++)
            for (int t = 0; t < demos.length(e); t++) s.add(new int[] {e, t});
        if (s.isEmpty()) throw new IllegalArgumentException("no demonstration steps to train on");
        sampleEpisode = new int[s.size()];
        sampleStep = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            sampleEpisode[i] = s.get(i)[0];
            sampleStep[i] = s.get(i)[1];
        }
    }

    public int samples() {
        return sampleEpisode.length;
    }

    /** Every action of the demos, {@code float[n][4]} (to fit an ActionTokenizer). */
    public static float[][] allActions(DemoSet demos) {
        List<float[]> out = new ArrayList<>();
        for (int e = 0; e < demos.episodes(); e++)
            for (int t = 0; t < demos.length(e); t++)
                for (int k = 0; k < demos.actions(e, t); k++) {
                    float[] a = new float[EnvSpec.ACTION_DIM];
                    for (int d = 0; d < a.length; d++) a[d] = demos.action(e, t, k, d);
                    out.add(a);
                }
        return out.toArray(new float[0][]);
    }

    /** Fills the batch with uniformly drawn samples (with replacement), images as recorded. */
    public void fillRandom(TrainBatch b, SplittableRandom rng) {
        fillRandom(b, rng, 0, 0);
    }

    /**
     * Fills the batch with uniformly drawn samples, each image shifted by up to {@code shift}
     * pixels and Gaussian noise of std {@code stateNoise} metres added to the gripper position
     * (state[0..2]).
     */
    public void fillRandom(TrainBatch b, SplittableRandom rng, int shift, double stateNoise) {
        if (shift < 0) throw new IllegalArgumentException("shift must be >= 0, got " + shift);
        if (!(stateNoise >= 0)) throw new IllegalArgumentException("state noise must be >= 0, got " + stateNoise);
        // samples first, augmentation after: which samples a step draws does not depend on it
        if (drawn.length < b.size()) drawn = new int[b.size()];
        for (int i = 0; i < b.size(); i++) drawn[i] = rng.nextInt(samples());
        for (int i = 0; i < b.size(); i++) {
            fillRow(b, i, drawn[i]);
            if (shift > 0) {
                int dx = rng.nextInt(2 * shift + 1) - shift, dy = rng.nextInt(2 * shift + 1) - shift;
                shiftImage(b.imageRow(i), b.imageSide(), dx, dy);
            }
            if (stateNoise > 0) {
                MemorySegment st = b.stateRow(i);
                for (int k = 0; k < 3; k++) {
                    long o = (long) k * Float.BYTES;
                    st.set(ValueLayout.JAVA_FLOAT, o, (float) (st.get(ValueLayout.JAVA_FLOAT, o) + stateNoise * gaussian(rng)));
                }
            }
        }
    }

    /** A standard normal draw (Box-Muller) from the caller's generator. */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Translates an RGB image {@code uint8[side, side, 3]} in place: the pixel at (x, y) moves to
     * (x + dx, y + dy); uncovered pixels repeat the nearest edge pixel.
     */
    void shiftImage(MemorySegment image, int side, int dx, int dy) {
        if (dx == 0 && dy == 0) return;
        int row = side * EnvSpec.CHANNELS, n = row * side;
        if (src.length != n) {
            src = new byte[n];
            dst = new byte[n];
        }
        MemorySegment.copy(image, ValueLayout.JAVA_BYTE, 0, src, 0, n);
        for (int y = 0; y < side; y++) {
            int sy = Math.clamp(y - dy, 0, side - 1);
            int o = y * row, so = sy * row;
            for (int x = 0; x < side; x++) {
                int sx = Math.clamp(x - dx, 0, side - 1) * EnvSpec.CHANNELS;
                int d = o + x * EnvSpec.CHANNELS;
                dst[d] = src[so + sx];
                dst[d + 1] = src[so + sx + 1];
                dst[d + 2] = src[so + sx + 2];
            }
        }
        MemorySegment.copy(dst, 0, image, ValueLayout.JAVA_BYTE, 0, n);
    }

    /** Writes sample {@code s} into row {@code i}. */
    public void fillRow(TrainBatch b, int i, int s) {
        int e = sampleEpisode[s], t = sampleStep[s];
        demos.image(e, t, b.imageRow(i));
        demos.state(e, t, b.stateRow(i));
        words.encodeInto(demos.instruction(e), b.instructionRow(i), b.instruction().shape()[1] > 0 ? (int) b.instruction().shape()[1] : 0);
        b.setSlot(i, slotOf.applyAsInt(demos.task(e)));
        // the K actions executed from observation t: its own, then the next observations' (a
        // recording with one frame per action gives every step as a sample); past the episode's
        // end the last action repeats (the expert holds still)
        int tt = t, j = 0, last = demos.length(e) - 1;
        for (int k = 0; k < chunk; k++) {
            while (j >= demos.actions(e, tt) && tt < last) {
                tt++;
                j = 0;
            }
            int jj = Math.min(j, demos.actions(e, tt) - 1);
            for (int d = 0; d < EnvSpec.ACTION_DIM; d++) b.setTarget(i, k, d, actions.token(d, demos.action(e, tt, jj, d)));
            j++;
        }
        if (b.hasAux()) b.setAux(i, events.next(e, t, event) ? event : null);
    }
}
