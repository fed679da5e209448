package dev.vlarl.env;

import dev.vlarl.bindings.MujocoException;
import dev.vlarl.bindings.VlarlMujoco;
import dev.vlarl.sim.StepFlags;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;

/**
 * N environments in one process: each its own mjData over scene models shared through a
 * {@link SceneLibrary}, any mix of tasks. {@link #step} executes an action chunk with early
 * termination per environment (success, step limit, instability) and then renders each
 * environment that acted once into {@link #observations()}; nothing is rendered between
 * chunks. Single-threaded; the same task, seed and actions give bit-identical states and
 * images. A physics instability (a MuJoCo warning that resets the state, NaN/Inf, or a
 * MuJoCo error inside the step) ends only that environment's episode, as UNSTABLE with a
 * reason. Action components are clamped to [-1, 1]; NaN counts as 0.
 */
public final class BatchedEnv implements AutoCloseable {
    /** Physics steps run after placing objects, before the first observation. */
    static final int SETTLE_STEPS = 50;

    private final EnvSpec spec;
    private final int size;
    private final SceneLibrary scenes = new SceneLibrary();
    private final ObservationBatch obs;
    private final SimRenderer renderer;
    private final Sim[] sims;
    private final Task[] tasks;
    private final long[] seeds;
    private final EpisodeStatus[] status;
    private final String[] reasons;
    private final int[] steps;
    private final int[] chunkSteps;
    private final MemorySegment[] images;
    private final MemorySegment[] states;
    private final boolean randomise;
    private double jitterScale = 1;
    private final DomainRandomisation.Draw[] draws;
    private final java.util.Map<SceneModel, DomainRandomisation.Defaults> defaults = new java.util.IdentityHashMap<>();

    /** N environments that render observations at the spec's image size. */
    public BatchedEnv(EnvSpec spec, int size) {
        this(spec, size, true);
    }

    /**
     * @param render false for physics only (no EGL context; images stay zero)
     */
    public BatchedEnv(EnvSpec spec, int size, boolean render) {
        this(spec, size, render, false);
    }

    /**
     * @param render false for physics only (no EGL context; images stay zero)
     * @param randomise domain randomisation per episode (see {@link DomainRandomisation}), drawn from the seed
     */
    public BatchedEnv(EnvSpec spec, int size, boolean render, boolean randomise) {
        this(spec, size, render, randomise, false);
    }

    /**
     * @param render false for physics only (no EGL context; images stay zero)
     * @param randomise domain randomisation per episode (see {@link DomainRandomisation}), drawn from the seed
     * @param shadows render shadows (off by default: 2.5x faster frames with llvmpipe; for videos)
     */
    public BatchedEnv(EnvSpec spec, int size, boolean render, boolean randomise, boolean shadows) {
        if (size <= 0) throw new IllegalArgumentException("batch size must be positive");
        this.randomise = randomise;
        this.draws = new DomainRandomisation.Draw[size];
        this.spec = spec;
        this.size = size;
        this.obs = new ObservationBatch(spec, size);
        SimRenderer r = null;
        try {
            r = render ? new SimRenderer(spec.imageWidth(), spec.imageHeight(), shadows) : null;
        } catch (RuntimeException e) {
            obs.close();
            throw e;
        }
        this.renderer = r;
        sims = new Sim[size];
        tasks = new Task[size];
        seeds = new long[size];
        status = new EpisodeStatus[size];
        reasons = new String[size];
        steps = new int[size];
        chunkSteps = new int[size];
        images = new MemorySegment[size];
        states = new MemorySegment[size];
        for (int i = 0; i < size; i++) {
            draws[i] = new DomainRandomisation.Draw();
            status[i] = EpisodeStatus.IDLE;
            images[i] = obs.image(i);
            states[i] = obs.state(i);
        }
    }

    public EnvSpec spec() {
        return spec;
    }

    /** N. */
    public int size() {
        return size;
    }

    /** Observation buffers, rewritten in place by reset and step. */
    public ObservationBatch observations() {
        return obs;
    }

    /**
     * Episodes reset from now on jitter object positions this many times as widely as the
     * benchmark's initial states do (1 = the benchmark; see {@link Placer}): for recording
     * demonstrations whose object positions vary more, never for evaluation.
     */
    public void setJitterScale(double scale) {
        this.jitterScale = Placer.checkedJitterScale(scale);
    }

    /** Starts a new episode of {@code task} from {@code seed} in environment i and observes it. */
    public void reset(int i, Task task, long seed) {
        SceneModel model = scenes.get(task.bodies());
        Sim s = sims[i];
        if (s == null || s.model() != model) {
            if (s != null) s.close();
            s = new Sim(model);
            sims[i] = s;
        }
        s.reset();
        if (randomise) {
            draws[i].sample(new SplittableRandom(~seed * 31 + task.name().hashCode()));
            defaults.computeIfAbsent(model, DomainRandomisation.Defaults::new).applyPhysics(draws[i]);
        }
        SplittableRandom rng = task.layoutRandom(seed);
        s.setHand(rng.nextDouble(-0.03, 0.03), rng.nextDouble(-0.14, -0.10), rng.nextDouble(0.20, 0.24), false);
        task.layout().place(s, new Placer(Placer.arrangementOf(task.bodies()), rng, jitterScale));
        s.forward();
        int flags = s.settle(SETTLE_STEPS);
        tasks[i] = task;
        seeds[i] = seed;
        steps[i] = 0;
        chunkSteps[i] = 0;
        status[i] = EpisodeStatus.RUNNING;
        reasons[i] = "";
        if (StepFlags.isUnstable(flags)) {
            status[i] = EpisodeStatus.UNSTABLE;
            reasons[i] = "unstable while settling the initial state: " + describeFlags(flags);
        }
        obs.setEpisode(i, task.name(), task.instruction());
        observe(i);
    }

    /** Resets every environment: environment i gets tasks.get(i) and seeds[i]. */
    public void reset(List<Task> taskList, long[] seedList) {
        if (taskList.size() != size || seedList.length != size) {
            throw new IllegalArgumentException("need " + size + " tasks and seeds, got " + taskList.size() + " and " + seedList.length);
        }
        for (int i = 0; i < size; i++) reset(i, taskList.get(i), seedList[i]);
    }

    /** Executes the chunk in every running environment and observes those that acted. */
    public void step(ActionChunk chunk) {
        step(chunk, true);
    }

    /**
     * Executes up to K actions per running environment (chunk row i for environment i),
     * each held for the spec's substeps; an environment stops at success, its step limit or
     * an instability. With {@code observe}, each environment that acted is then rendered
     * and its state written once.
     */
    public void step(ActionChunk chunk, boolean observe) {
        if (chunk.size() != size) throw new IllegalArgumentException("chunk has " + chunk.size() + " rows, batch has " + size);
        MemorySegment a = chunk.data();
        int k = chunk.chunkLength();
        int sub = spec.substepsPerAction();
        double maxStep = spec.maxStepMetres();
        for (int i = 0; i < size; i++) {
            chunkSteps[i] = 0;
            if (status[i] != EpisodeStatus.RUNNING) continue;
            Sim s = sims[i];
            Task t = tasks[i];
            if (randomise) defaults.get(s.model()).applyPhysics(draws[i]);
            long base = (long) i * k * EnvSpec.ACTION_DIM;
            for (int j = 0; j < k; j++) {
                long o = base + (long) j * EnvSpec.ACTION_DIM;
                s.applyAction(a.getAtIndex(ValueLayout.JAVA_FLOAT, o), a.getAtIndex(ValueLayout.JAVA_FLOAT, o + 1),
                        a.getAtIndex(ValueLayout.JAVA_FLOAT, o + 2), a.getAtIndex(ValueLayout.JAVA_FLOAT, o + 3), maxStep);
                int flags;
                try {
                    flags = s.step(sub);
                } catch (MujocoException e) {
                    // mju_error inside the step: the state is half-updated; this episode ends here
                    steps[i]++;
                    chunkSteps[i]++;
                    status[i] = EpisodeStatus.UNSTABLE;
                    reasons[i] = "MuJoCo error at step " + steps[i] + ": " + e.getMessage();
                    break;
                }
                steps[i]++;
                chunkSteps[i]++;
                if (StepFlags.isUnstable(flags)) {
                    status[i] = EpisodeStatus.UNSTABLE;
                    reasons[i] = "physics unstable at step " + steps[i] + ": " + describeFlags(flags);
                    break;
                }
                if (t.goal().test(s)) {
                    status[i] = EpisodeStatus.SUCCESS;
                    reasons[i] = "success at step " + steps[i];
                    break;
                }
                if (steps[i] >= t.stepLimit()) {
                    status[i] = EpisodeStatus.TIMEOUT;
                    reasons[i] = "step limit " + t.stepLimit() + " reached";
                    break;
                }
            }
        }
        if (observe) {
            for (int i = 0; i < size; i++) {
                if (chunkSteps[i] == 0) continue;
                try {
                    observe(i);
                } catch (MujocoException e) {
                    if (status[i] != EpisodeStatus.UNSTABLE) throw e;
                    images[i].fill((byte) 0); // an unstable state need not render; its episode is over
                }
            }
        }
    }

    /** Writes environment i's state and renders its image now. */
    public void observe(int i) {
        Sim s = sims[i];
        if (s == null) throw new IllegalStateException("environment " + i + " was never reset");
        s.writeState(states[i]);
        if (renderer != null) {
            if (randomise) defaults.get(s.model()).applyVisual(draws[i]);
            renderer.render(s, images[i]);
        }
    }

    /** The instability, in words, with MuJoCo's last warning text. */
    static String describeFlags(int flags) {
        String w = VlarlMujoco.lastWarningMessage();
        return StepFlags.describe(flags) + (w.isEmpty() ? "" : " (" + w + ")");
    }

    public EpisodeStatus status(int i) {
        return status[i];
    }

    /** One line on how the episode ended ("" while running). */
    public String reason(int i) {
        return reasons[i];
    }

    /** Actions executed in the current episode. */
    public int steps(int i) {
        return steps[i];
    }

    /** Actions executed by the last {@link #step} (0 if the environment was not running). */
    public int chunkSteps(int i) {
        return chunkSteps[i];
    }

    public Task task(int i) {
        return tasks[i];
    }

    public long seed(int i) {
        return seeds[i];
    }

    /** Whether every environment's episode has ended. */
    public boolean allDone() {
        for (EpisodeStatus s : status) if (!s.done()) return false;
        return true;
    }

    /** The simulator of environment i (experts and tests read it; policies must not). */
    public Sim sim(int i) {
        return sims[i];
    }

    /** The renderer (null when built without rendering). */
    public SimRenderer renderer() {
        return renderer;
    }

    @Override
    public void close() {
        for (int i = 0; i < size; i++) {
            if (sims[i] != null) sims[i].close();
            sims[i] = null;
        }
        if (renderer != null) renderer.close();
        scenes.close();
        obs.close();
    }
}
