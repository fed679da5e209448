package dev.vlarl.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts how many episodes reach each milestone of a task ({@link Goal#stages()}): ever (checked
 * whenever {@link #observe} is called, e.g. after each chunk) and at the episode's end. A
 * diagnostic for evaluation: a two-stage task at 45% may fail its first stage or its second.
 */
public final class StageTracker {
    /** One milestone's counts over the episodes tracked so far. */
    public record StageCount(String stage, int reached, int atEnd, int episodes) {}

    private final List<Goal> stages;
    private final boolean[][] reached;
    private final int[] ever, atEnd;
    private int episodes;

    /** @param envs the batch size of the environments observed */
    public StageTracker(Task task, int envs) {
        this.stages = task.goal().stages();
        this.reached = new boolean[envs][stages.size()];
        this.ever = new int[stages.size()];
        this.atEnd = new int[stages.size()];
    }

    /** Starts a wave: no environment has reached anything yet. */
    public void begin() {
        for (boolean[] r : reached) java.util.Arrays.fill(r, false);
    }

    /** Marks the milestones environments {@code 0..wave-1} meet now. */
    public void observe(BatchedEnv env, int wave) {
        for (int i = 0; i < wave; i++) {
            Sim s = env.sim(i);
            for (int k = 0; k < stages.size(); k++) if (!reached[i][k] && stages.get(k).test(s)) reached[i][k] = true;
        }
    }

    /** Ends a wave of {@code wave} episodes: counts what they reached and what holds at their end. */
    public void end(BatchedEnv env, int wave) {
        observe(env, wave);
        for (int i = 0; i < wave; i++) {
            Sim s = env.sim(i);
            for (int k = 0; k < stages.size(); k++) {
                if (reached[i][k]) ever[k]++;
                if (stages.get(k).test(s)) atEnd[k]++;
            }
        }
        episodes += wave;
    }

    /** How many milestones environment {@code i} reached in the current (or just ended) wave. */
    public int reached(int i) {
        int n = 0;
        for (boolean r : reached[i]) if (r) n++;
        return n;
    }

    /** The counts, in stage order. */
    public List<StageCount> counts() {
        List<StageCount> out = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) out.add(new StageCount(stages.get(k).describe(), ever[k], atEnd[k], episodes));
        return out;
    }

    /** One line: {@code stage reached/episodes -> stage ...}. */
    public static String summary(List<StageCount> counts) {
        StringBuilder b = new StringBuilder();
        for (StageCount c : counts) {
            if (!b.isEmpty()) b.append(" -> ");
            b.append(c.stage()).append(' ').append(c.reached()).append('/').append(c.episodes());
        }
        return b.toString();
    }
}
