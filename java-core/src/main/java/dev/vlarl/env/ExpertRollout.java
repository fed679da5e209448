package dev.vlarl.env;

import dev.vlarl.demo.DemoHeader;
import dev.vlarl.demo.DemoWriter;

/**
 * Runs a task's scripted expert in environment 0 of a one-environment batch, optionally
 * recording the demonstration: one observation per chunk of K actions (the frames the
 * policy sees), every action as executed. The expert acts one action at a time through
 * the same {@link BatchedEnv#step} interface, so the episode is exactly what replaying
 * its actions in chunks of K reproduces.
 */
public final class ExpertRollout implements AutoCloseable {
    private final BatchedEnv env;
    private final ActionChunk single = new ActionChunk(1, 1);
    private final float[] actions;
    private String lastPhase = "";

    /** Episode result. */
    public record Result(EpisodeStatus status, String reason, int steps) {}

    public ExpertRollout(BatchedEnv env) {
        if (env.size() != 1) throw new IllegalArgumentException("expert rollouts use a batch of one environment");
        this.env = env;
        this.actions = new float[env.spec().chunkLength() * EnvSpec.ACTION_DIM];
    }

    /** Runs one episode; with a non-null writer, adds its chunk records (the file is written by the caller). */
    public Result run(Task task, long seed, DemoWriter writer) {
        env.reset(0, task, seed);
        ScriptedExpert expert = task.newExpert(seed);
        int k = env.spec().chunkLength();
        double maxStep = env.spec().maxStepMetres();
        Sim s = env.sim(0);
        while (env.status(0) == EpisodeStatus.RUNNING) {
            int n = 0;
            while (n < k && env.status(0) == EpisodeStatus.RUNNING) {
                expert.act(s, maxStep, actions, n * EnvSpec.ACTION_DIM);
                for (int d = 0; d < EnvSpec.ACTION_DIM; d++) single.set(0, 0, d, actions[n * EnvSpec.ACTION_DIM + d]);
                env.step(single, false);
                n++;
            }
            if (writer != null) writer.addChunk(env.observations().state(0), env.observations().image(0), actions, n);
            env.observe(0);
        }
        lastPhase = expert.phase();
        return new Result(env.status(0), env.reason(0), env.steps(0));
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
                sp.substepsPerAction(), sp.timestep(), sp.maxStepMetres(), "scripted-expert");
    }

    @Override
    public void close() {
        single.close();
    }
}
