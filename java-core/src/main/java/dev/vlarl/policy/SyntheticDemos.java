package dev.vlarl.policy;

import dev.vlarl.env.EnvSpec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Demonstrations with the suite's shapes and a learnable rule, for tests and for developing
 * the trainer without the simulator. Each episode shows one coloured square on a grey
 * background; the gripper (state[0..1]) moves towards it: {@code dx, dy = clip(4 (target -
 * gripper), -1, 1)}, decaying along the episode; {@code dz} and the grip depend on the task
 * (its instruction), so the model must read image, state and instruction. Everything is
 * computed from (seed, episode, step): nothing is stored.
 */
public final class SyntheticDemos implements DemoSet {
    private static final String[][] TASKS = {
        {"synthetic/reach_red", "reach the red block and lift it"},
        {"synthetic/reach_green", "push the green block down"},
        {"synthetic/reach_blue", "touch the blue block then open"},
        {"synthetic/reach_yellow", "grasp the yellow block and hold"},
    };
    private static final int[][] COLOURS = {{220, 30, 30}, {30, 200, 40}, {40, 60, 230}, {230, 220, 30}};

    private final List<Integer> taskIds;
    private final int episodesPerTask;
    private final int length;
    private final int chunk = dev.vlarl.env.EnvSpec.DEFAULT_CHUNK;
    private final int side;
    private final long seed;

    /**
     * @param taskIds which of the 4 synthetic tasks (0..3)
     * @param episodesPerTask episodes of each task
     * @param length observations (chunks of 8 actions) per episode
     * @param side image side in pixels
     * @param seed layout seed
     */
    public SyntheticDemos(List<Integer> taskIds, int episodesPerTask, int length, int side, long seed) {
        for (int t : taskIds) if (t < 0 || t >= TASKS.length) throw new IllegalArgumentException("synthetic task " + t + " outside 0.." + (TASKS.length - 1));
        this.taskIds = List.copyOf(taskIds);
        this.episodesPerTask = episodesPerTask;
        this.length = length;
        this.side = side;
        this.seed = seed;
    }

    public static String taskName(int id) {
        return TASKS[id][0];
    }

    public static String instructionOf(int id) {
        return TASKS[id][1];
    }

    /** All synthetic instructions (for building a vocabulary). */
    public static List<String> allInstructions() {
        return List.of(TASKS[0][1], TASKS[1][1], TASKS[2][1], TASKS[3][1]);
    }

    private int taskId(int e) {
        return taskIds.get(e / episodesPerTask);
    }

    // Target square centre in [0.15, 0.85]^2 and the gripper's start, per episode.
    private double[] layout(int e) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + e);
        return new double[] {0.15 + 0.7 * r.nextDouble(), 0.15 + 0.7 * r.nextDouble(), r.nextDouble(), r.nextDouble()};
    }

    private double[] gripper(int e, double t) {
        double[] l = layout(e);
        double f = Math.pow(0.85, t);
        return new double[] {l[0] + (l[2] - l[0]) * f, l[1] + (l[3] - l[1]) * f};
    }

    @Override
    public int episodes() {
        return taskIds.size() * episodesPerTask;
    }

    @Override
    public String task(int e) {
        return TASKS[taskId(e)][0];
    }

    @Override
    public String instruction(int e) {
        return TASKS[taskId(e)][1];
    }

    @Override
    public int length(int e) {
        return length;
    }

    @Override
    public int imageSide() {
        return side;
    }

    @Override
    public void image(int e, int t, MemorySegment dst) {
        double[] l = layout(e);
        int[] c = COLOURS[taskId(e)];
        int cx = (int) (l[0] * side), cy = (int) (l[1] * side), half = Math.max(2, side / 10);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean in = Math.abs(x - cx) <= half && Math.abs(y - cy) <= half;
                long o = ((long) y * side + x) * EnvSpec.CHANNELS;
                for (int ch = 0; ch < 3; ch++) dst.set(ValueLayout.JAVA_BYTE, o + ch, (byte) (in ? c[ch] : 110));
            }
        }
    }

    @Override
    public void state(int e, int t, MemorySegment dst) {
        double[] g = gripper(e, t);
        float[] s = {(float) g[0], (float) g[1], 0.1f, 0, 0, 0, 0.04f, taskId(e) % 2 == 0 ? 1f : -1f};
        for (int k = 0; k < EnvSpec.STATE_DIM; k++) dst.setAtIndex(ValueLayout.JAVA_FLOAT, k, s[k]);
    }

    @Override
    public int actions(int e, int t) {
        return chunk;
    }

    @Override
    public float action(int e, int t, int k, int d) {
        return step(e, t + k / (float) chunk, d);
    }

    private float step(int e, double t, int d) {
        double[] l = layout(e);
        double[] g = gripper(e, t);
        int task = taskId(e);
        return switch (d) {
            case 0 -> (float) Math.max(-1, Math.min(1, 4 * (l[0] - g[0])));
            case 1 -> (float) Math.max(-1, Math.min(1, 4 * (l[1] - g[1])));
            case 2 -> (float) ((task == 1 ? -0.5 : 0.5) * Math.pow(0.9, t));
            default -> (task == 2 ? (t < length / 2.0 ? 1f : -1f) : (task == 1 ? -1f : 1f));
        };
    }
}
