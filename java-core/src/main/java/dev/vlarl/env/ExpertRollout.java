package dev.vlarl.env;

import dev.vlarl.demo.DemoHeader;
import dev.vlarl.demo.DemoWriter;

/**
 * Runs a task's scripted expert in environment 0 of a one-environment batch, optionally
 * recording the demonstration: one observation per chunk of K actions (the frames the
 * policy sees), every action as executed. The expert acts one action at a time through
 * the same {@link BatchedEnv#step} interface, so the episode is exactly what replaying
 * its actions in chunks of K reproduces.
 *
 * <p>With a perturbation sigma &gt; 0 (DART, Laskey et al. 2017) the environment executes the
 * expert's action plus Gaussian noise of that std on dx, dy, dz (clipped to [-1, 1]) while the
 * demonstration records the expert's own action as the label: the states drift off the
 * expert's path and the labels show how it steers back, which is what a learned policy needs
 * once its own errors move it off that path. Such a recording no longer replays exactly (its
 * header's source says so).
 *
 * <p>With an aim error sigma &gt; 0 the last action of each chunk taken while the expert is
 * approaching a point above an object it is about to pick (its "hover ..." phases) is executed with Gaussian noise
 * of that std on dx and dy: the next recorded observation - a chunk boundary, where a policy
 * looks - shows the gripper off its aim point, and the label is the expert's correction. DART's
 * per-action noise is corrected within the chunk, before any observation shows it; a policy's own
 * misses are errors at the chunk boundary above its object.
 */
public final class ExpertRollout implements AutoCloseable {
    /** Height (m) of a picked object's centre at which a slip puts it back on the table. */
    static final double SLIP_HEIGHT = 0.07;

    private final BatchedEnv env;
    private final ActionChunk single = new ActionChunk(1, 1);
    private final float[] actions;
    private final Recording options;
    private String lastPhase = "";
    private int lastRetries, lastAimErrors, lastDisplacements;

    /** Episode result. */
    public record Result(EpisodeStatus status, String reason, int steps) {}

    /**
     * How a recorded episode departs from the clean expert (all 0 = the clean expert, {@link #CLEAN}).
     *
     * @param perturb std of the noise added to executed motions (action units; 0 = none): DART
     * @param slip probability that a picked object slips out of the fingers while it is being
     *     lifted (put back on the table below the grasp point, once per object and episode): the
     *     expert sees it lost, opens and picks it up again, so the recording shows a recovery
     *     from an empty grip - the state a policy is in after a missed grasp
     * @param aimError std (action units, 1 = one full step) of the noise on the last dx, dy of
     *     each chunk spent approaching the point above an object to pick (0 = none)
     * @param hoverOffset with this > 0, once per pick, at the first chunk boundary with the
     *     gripper above the object it goes for (within 5 cm of it horizontally, 6 cm or more
     *     above the table), the gripper is moved sideways by between half this and this many
     *     metres in a random direction before the frame is rendered: the recording holds a frame
     *     above the object but off it, and the expert's correction from there, as executed
     */
    public record Recording(double perturb, double slip, double aimError, double hoverOffset) {
        /** The clean expert. */
        public static final Recording CLEAN = new Recording(0, 0, 0, 0);

        public Recording {
            if (!(perturb >= 0) || perturb > 1) throw new IllegalArgumentException("perturbation std must be in [0, 1], got " + perturb);
            if (!(slip >= 0) || slip > 1) throw new IllegalArgumentException("slip probability must be in [0, 1], got " + slip);
            if (!(aimError >= 0) || aimError > 1) throw new IllegalArgumentException("aim error std must be in [0, 1], got " + aimError);
            if (!(hoverOffset >= 0) || hoverOffset > 0.05) throw new IllegalArgumentException("hover offset must be in [0, 0.05] m, got " + hoverOffset);
        }

        public Recording withPerturb(double v) {
            return new Recording(v, slip, aimError, hoverOffset);
        }

        public Recording withSlip(double v) {
            return new Recording(perturb, v, aimError, hoverOffset);
        }

        public Recording withAimError(double v) {
            return new Recording(perturb, slip, v, hoverOffset);
        }

        public Recording withHoverOffset(double v) {
            return new Recording(perturb, slip, aimError, v);
        }
    }

    /** The clean expert. */
    public ExpertRollout(BatchedEnv env) {
        this(env, Recording.CLEAN);
    }

    public ExpertRollout(BatchedEnv env, Recording options) {
        if (env.size() != 1) throw new IllegalArgumentException("expert rollouts use a batch of one environment");
        this.env = env;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.actions = new float[env.spec().chunkLength() * EnvSpec.ACTION_DIM];
    }

    /** Runs one episode; with a non-null writer, adds its chunk records (the file is written by the caller). */
    public Result run(Task task, long seed, DemoWriter writer) {
        env.reset(0, task, seed);
        lastDisplacements = 0;
        ScriptedExpert expert = task.newExpert(seed);
        int k = env.spec().chunkLength();
        double maxStep = env.spec().maxStepMetres();
        Sim s = env.sim(0);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ 0xDA27L);
        java.util.SplittableRandom slips = new java.util.SplittableRandom(seed * 0xBF58476D1CE4E5B9L ^ 0x5119L);
        java.util.Set<String> decided = new java.util.HashSet<>();
        String slipping = null;
        int aimErrors = 0;
        java.util.Set<String> displaced = new java.util.HashSet<>();
        while (env.status(0) == EpisodeStatus.RUNNING) {
            int n = 0;
            while (n < k && env.status(0) == EpisodeStatus.RUNNING) {
                if (options.slip() > 0) {
                    String held = expert.holding();
                    if (held != null && expert.phase().equals("lift") && decided.add(held) && slips.nextDouble() < options.slip()) slipping = held;
                    if (slipping != null && slipping.equals(held) && s.body(held, 2) > SLIP_HEIGHT) {
                        s.setFreeBody(held, s.hand(0) + slips.nextDouble(-0.006, 0.006), s.hand(1) + slips.nextDouble(-0.006, 0.006),
                                Goal.halfHeight(held) + 0.001, slips.nextDouble(-0.3, 0.3));
                        slipping = null;
                    }
                }
                expert.act(s, maxStep, actions, n * EnvSpec.ACTION_DIM);
                boolean aimNoise = options.aimError() > 0 && n == k - 1 && expert.phase().startsWith("hover");
                if (aimNoise) aimErrors++;
                for (int d = 0; d < EnvSpec.ACTION_DIM; d++) {
                    float a = actions[n * EnvSpec.ACTION_DIM + d];
                    if (options.perturb() > 0 && d < 3) a = (float) Math.max(-1, Math.min(1, a + options.perturb() * noise.nextGaussian()));
                    if (aimNoise && d < 2) a = (float) Math.max(-1, Math.min(1, a + options.aimError() * noise.nextGaussian()));
                    single.set(0, 0, d, a);
                }
                env.step(single, false);
                n++;
            }
            if (writer != null) writer.addChunk(env.observations().state(0), env.observations().image(0), actions, n);
            if (options.hoverOffset() > 0 && env.status(0) == EpisodeStatus.RUNNING) displaceAbove(s, expert.phase(), displaced, noise);
            env.observe(0);
        }
        lastPhase = expert.phase();
        lastRetries = expert.retries();
        lastAimErrors = aimErrors;
        return new Result(env.status(0), env.reason(0), env.steps(0));
    }

    /** Times the expert went back for a lost object in the last episode. */
    public int lastRetries() {
        return lastRetries;
    }

    // Once per object to pick: the gripper above it (hovering or coming down) is moved sideways before the next frame.
    private void displaceAbove(Sim s, String phase, java.util.Set<String> displaced, java.util.SplittableRandom rng) {
        String obj = phase.startsWith("hover ") ? phase.substring(6) : phase.startsWith("descend ") ? phase.substring(8) : null;
        if (obj == null || displaced.contains(obj)) return;
        double dx = s.hand(0) - s.body(obj, 0), dy = s.hand(1) - s.body(obj, 1);
        if (Math.hypot(dx, dy) > 0.05 || s.hand(2) < 0.06) return;
        displaced.add(obj);
        double r = options.hoverOffset() * (0.5 + 0.5 * rng.nextDouble()), th = 2 * Math.PI * rng.nextDouble();
        s.setHand(s.hand(0) + r * Math.cos(th), s.hand(1) + r * Math.sin(th), s.hand(2), s.gripClosed());
        s.forward();
        lastDisplacements++;
    }

    /** Times the gripper was moved off an object to pick in the last episode ({@code hoverOffset}). */
    public int lastDisplacements() {
        return lastDisplacements;
    }

    /** Chunks of the last episode that ended with an aim error. */
    public int lastAimErrors() {
        return lastAimErrors;
    }

    /** The expert's phase when the last episode ended (for diagnosing failures). */
    public String lastPhase() {
        return lastPhase;
    }

    /** The header for a recorded episode. */
    public DemoHeader header(Task task, long seed, Result r) {
        EnvSpec sp = env.spec();
        return new DemoHeader(task.name(), task.instruction(), seed, r.status().name(), r.reason(), r.steps(), 0,
                sp.imageHeight(), sp.imageWidth(), sp.chunkLength(), EnvSpec.STATE_DIM, EnvSpec.ACTION_DIM,
                sp.substepsPerAction(), sp.timestep(), sp.maxStepMetres(),
                "scripted-expert" + (options.perturb() > 0 ? ", DART perturbation std " + options.perturb() + " (labels are the expert's actions, not the executed ones)" : "")
                        + (options.slip() > 0 ? ", slips p=" + options.slip() + " (" + lastRetries + " re-grasps)" : "")
                        + (options.aimError() > 0 ? ", aim error std " + options.aimError() + " at chunk ends while approaching (labels are the expert's)" : "")
                        + (options.hoverOffset() > 0 ? ", moved up to " + options.hoverOffset() + " m off each object to pick above it (the correction as executed)" : ""));
    }

    @Override
    public void close() {
        single.close();
    }
}
