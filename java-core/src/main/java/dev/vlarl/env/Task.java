package dev.vlarl.env;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One task: an instruction, a scene (the optional bodies it uses), an initial-state sampler
 * driven by a seed, a success predicate, a step limit and a scripted expert.
 *
 * @param name {@code suite/task}
 * @param instruction the natural-language instruction the policy gets
 * @param stepLimit actions before the episode ends as TIMEOUT
 * @param bodies optional scene bodies ({@link Scenes#OPTIONAL}); tasks with equal sets share a model
 * @param layout places objects for a seed (called after reset, before settling)
 * @param goal the success predicate
 * @param expert the scripted expert's plan for an episode
 */
public record Task(String name, String instruction, int stepLimit, Set<String> bodies, Layout layout, Goal goal,
        ExpertPlan expert) {

    /** Places a scene's objects: the scene's fixed arrangement, jittered per episode (see {@link Placer}). */
    @FunctionalInterface
    public interface Layout {
        void place(Sim s, Placer p);
    }

    /** Builds the expert's phases for one episode (with its own small noise). */
    @FunctionalInterface
    public interface ExpertPlan {
        List<ScriptedExpert.Phase> phases(SplittableRandom rng);
    }

    public Task {
        if (!name.matches("[a-z]+/[a-z0-9_]+")) throw new IllegalArgumentException("task names are suite/task: " + name);
        if (stepLimit <= 0) throw new IllegalArgumentException("step limit must be positive");
        bodies = Set.copyOf(bodies);
    }

    /** The suite: the part of the name before '/'. */
    public String suite() {
        return name.substring(0, name.indexOf('/'));
    }

    /** Whether this is a benchmark task (every suite but {@code pretrain}). */
    public boolean benchmark() {
        return !suite().equals(TaskRegistry.PRETRAIN);
    }

    /** Seeded random source of an episode's initial state (distinct per task for one seed). */
    SplittableRandom layoutRandom(long seed) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ name.hashCode());
    }

    /** Seeded random source of an expert's noise for an episode. */
    SplittableRandom expertRandom(long seed) {
        return new SplittableRandom((seed + 0x5DEECE66DL) * 0xBF58476D1CE4E5B9L ^ name.hashCode());
    }

    /** A fresh scripted expert for the episode with this seed. */
    public ScriptedExpert newExpert(long seed) {
        return new ScriptedExpert(expert.phases(expertRandom(seed)), expertRandom(~seed));
    }
}
