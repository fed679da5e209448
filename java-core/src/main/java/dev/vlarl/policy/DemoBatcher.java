package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Draws training samples (episode, step) from a {@link DemoSet} and writes them into a
 * {@link TrainBatch}: observation t and, as targets, the tokens of the K actions executed
 * from it (a short last chunk repeats its last action: the expert holds still).
 */
public final class DemoBatcher {
    private final DemoSet demos;
    private final InstructionTokenizer words;
    private final ActionTokenizer actions;
    private final ToIntFunction<String> slotOf;
    private final int[] sampleEpisode;
    private final int[] sampleStep;
    private final int chunk;

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

    /** Fills the batch with uniformly drawn samples (with replacement). */
    public void fillRandom(TrainBatch b, SplittableRandom rng) {
        for (int i = 0; i < b.size(); i++) fillRow(b, i, rng.nextInt(samples()));
    }

    /** Writes sample {@code s} into row {@code i}. */
    public void fillRow(TrainBatch b, int i, int s) {
        int e = sampleEpisode[s], t = sampleStep[s];
        demos.image(e, t, b.imageRow(i));
        demos.state(e, t, b.stateRow(i));
        words.encodeInto(demos.instruction(e), b.instructionRow(i), b.instruction().shape()[1] > 0 ? (int) b.instruction().shape()[1] : 0);
        b.setSlot(i, slotOf.applyAsInt(demos.task(e)));
        int n = demos.actions(e, t);
        for (int k = 0; k < chunk; k++) {
            int kk = Math.min(k, n - 1);
            for (int d = 0; d < EnvSpec.ACTION_DIM; d++) b.setTarget(i, k, d, actions.token(d, demos.action(e, t, kk, d)));
        }
    }
}
