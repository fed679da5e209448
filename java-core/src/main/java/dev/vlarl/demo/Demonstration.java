package dev.vlarl.demo;

import java.util.List;

/**
 * One recorded episode: per policy query, the observation and the actions executed from it.
 *
 * @param header what, from where, how it ended
 * @param chunks one per policy query, in order
 */
public record Demonstration(DemoHeader header, List<Chunk> chunks) {

    /**
     * One policy query.
     *
     * @param state float32[S], the robot state (EnvSpec field order)
     * @param actions float32[n, 4], row-major: the actions executed, each in [-1, 1]
     * @param image uint8[H, W, 3] RGB, row 0 at the top
     */
    public record Chunk(float[] state, float[] actions, byte[] image) {
        /** Actions executed from this observation. */
        public int actionCount() {
            return actions.length / 4;
        }

        /** Component {@code dim} of action {@code step}. */
        public float action(int step, int dim) {
            return actions[step * 4 + dim];
        }
    }

    public Demonstration {
        chunks = List.copyOf(chunks);
    }

    /** Actions over all chunks. */
    public int steps() {
        return chunks.stream().mapToInt(Chunk::actionCount).sum();
    }

    /** All executed actions in order, float32[steps, 4]. */
    public float[] allActions() {
        float[] out = new float[steps() * 4];
        int at = 0;
        for (Chunk c : chunks) {
            System.arraycopy(c.actions(), 0, out, at, c.actions().length);
            at += c.actions().length;
        }
        return out;
    }
}
