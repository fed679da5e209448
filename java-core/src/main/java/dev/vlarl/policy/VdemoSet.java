package dev.vlarl.policy;

import dev.vlarl.demo.DemoReader;
import dev.vlarl.demo.Demonstration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The suite's recorded demonstrations ({@code .vdemo} files), decoded into memory. */
public final class VdemoSet implements DemoSet {
    private final List<Demonstration> episodes;
    private final int side;

    public VdemoSet(List<Demonstration> episodes) {
        if (episodes.isEmpty()) throw new IllegalArgumentException("no demonstrations");
        this.episodes = List.copyOf(episodes);
        this.side = episodes.get(0).header().imageHeight();
        for (Demonstration d : episodes) {
            if (d.header().imageHeight() != side || d.header().imageWidth() != side)
                throw new IllegalArgumentException("demonstrations of " + d.header().task() + " are " + d.header().imageHeight() + "x"
                        + d.header().imageWidth() + ", others " + side + "x" + side + ": one square size per training set");
        }
    }

    /**
     * The first {@code perTask} successful episodes (file-name order) of each task in
     * {@code tasks}, found anywhere under {@code root}. A task with fewer is an error naming it.
     */
    public static VdemoSet load(Path root, List<String> tasks, int perTask) {
        return load(List.of(root), tasks, perTask);
    }

    /**
     * The first {@code perTask} successful episodes of each task in {@code tasks}, the roots read
     * one after another (file-name order within each): {@code [a, b]} with 200 episodes of a task
     * in each and {@code perTask = 400} gives a's 200 then b's. A task with fewer in all the roots
     * together is an error naming it and the roots.
     */
    public static VdemoSet load(List<Path> roots, List<String> tasks, int perTask) {
        if (roots.isEmpty()) throw new IllegalArgumentException("no demonstration directories given");
        Map<String, List<Demonstration>> byTask = new LinkedHashMap<>();
        for (String t : tasks) byTask.put(t, new ArrayList<>());
        for (Path root : roots) {
            if (!Files.isDirectory(root))
                throw new IllegalArgumentException("demonstration directory " + root + " does not exist (record with ./vlarl demos --out " + root + ")");
            if (byTask.values().stream().allMatch(l -> l.size() >= perTask)) break;
            readRoot(root, byTask, perTask);
        }
        List<Demonstration> all = new ArrayList<>();
        for (Map.Entry<String, List<Demonstration>> e : byTask.entrySet()) {
            if (e.getValue().size() < perTask)
                throw new IllegalArgumentException("task " + e.getKey() + " has " + e.getValue().size() + " successful demonstrations under "
                        + (roots.size() == 1 ? roots.get(0) : roots) + ", " + perTask + " requested (record more with ./vlarl demos)");
            all.addAll(e.getValue());
        }
        return new VdemoSet(all);
    }

    private static void readRoot(Path root, Map<String, List<Demonstration>> byTask, int perTask) {
        List<Path> files;
        try {
            files = DemoReader.findUnder(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list demonstrations under " + root + ": " + e.getMessage(), e);
        }
        // A recording directory's manifest.json names its task (empty: no readable manifest, every
        // file is read): directories of other tasks are skipped unread, and so is the rest of a
        // directory once its task has enough.
        Map<Path, Optional<String>> dirTask = new HashMap<>();
        for (Path f : files) {
            Optional<String> task = dirTask.computeIfAbsent(f.getParent(), dir -> {
                Path manifest = dir.resolve("manifest.json");
                if (!Files.exists(manifest)) return Optional.empty();
                try {
                    return Optional.of(PolicyFiles.JSON.readTree(manifest.toFile()).path("task").asText());
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
            if (task.isPresent()) {
                List<Demonstration> l = byTask.get(task.get());
                if (l == null || l.size() >= perTask) continue;
            }
            try {
                Demonstration d = DemoReader.read(f);
                List<Demonstration> l = byTask.get(d.header().task());
                if (l != null && l.size() < perTask && d.header().success()) l.add(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    @Override
    public int episodes() {
        return episodes.size();
    }

    @Override
    public String task(int e) {
        return episodes.get(e).header().task();
    }

    @Override
    public double maxStepMetres(int e) {
        return episodes.get(e).header().maxStepMetres();
    }

    @Override
    public String instruction(int e) {
        return episodes.get(e).header().instruction();
    }

    @Override
    public int length(int e) {
        return episodes.get(e).chunks().size();
    }

    @Override
    public void image(int e, int t, MemorySegment dst) {
        MemorySegment.copy(episodes.get(e).chunks().get(t).image(), 0, dst, ValueLayout.JAVA_BYTE, 0, side * side * 3);
    }

    @Override
    public void state(int e, int t, MemorySegment dst) {
        float[] s = episodes.get(e).chunks().get(t).state();
        MemorySegment.copy(s, 0, dst, ValueLayout.JAVA_FLOAT, 0, s.length);
    }

    @Override
    public int actions(int e, int t) {
        return episodes.get(e).chunks().get(t).actionCount();
    }

    @Override
    public float action(int e, int t, int k, int d) {
        return episodes.get(e).chunks().get(t).action(k, d);
    }

    @Override
    public int imageSide() {
        return side;
    }
}
