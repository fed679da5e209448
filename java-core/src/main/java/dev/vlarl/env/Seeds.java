package dev.vlarl.env;

/**
 * Fixed, disjoint seed ranges: training (demonstrations, RL rollouts) draws initial states
 * from [{@value #TRAIN_START}, {@value #TRAIN_END}), validation (choosing among checkpoints
 * during training) from [{@value #VALID_START}, {@value #VALID_END}), held-out evaluation
 * from [{@value #EVAL_START}, {@value #EVAL_END}). A seed fixes a task's initial state.
 */
public final class Seeds {
    private Seeds() {}

    public static final long TRAIN_START = 0, TRAIN_END = 1_000_000;
    public static final long VALID_START = 500_000_000L, VALID_END = 500_100_000L;
    public static final long EVAL_START = 1_000_000_000L, EVAL_END = 1_000_100_000L;

    /** The i-th training seed. */
    public static long train(long i) {
        if (i < 0 || TRAIN_START + i >= TRAIN_END) throw new IllegalArgumentException("training seed index out of range: " + i);
        return TRAIN_START + i;
    }

    /** The i-th validation seed. */
    public static long validation(long i) {
        if (i < 0 || VALID_START + i >= VALID_END) throw new IllegalArgumentException("validation seed index out of range: " + i);
        return VALID_START + i;
    }

    /** The i-th evaluation seed. */
    public static long eval(long i) {
        if (i < 0 || EVAL_START + i >= EVAL_END) throw new IllegalArgumentException("evaluation seed index out of range: " + i);
        return EVAL_START + i;
    }

    public static boolean isTrain(long seed) {
        return seed >= TRAIN_START && seed < TRAIN_END;
    }

    public static boolean isValidation(long seed) {
        return seed >= VALID_START && seed < VALID_END;
    }

    public static boolean isEval(long seed) {
        return seed >= EVAL_START && seed < EVAL_END;
    }
}
