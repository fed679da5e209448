package dev.vlarl.policy;

import dev.vlarl.demo.DemoReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Opens demonstrations by name: a directory of the suite's recordings, or the synthetic set. */
public final class DemoSources {
    /** The value of {@code --demos-dir} that selects {@link SyntheticDemos}. */
    public static final String SYNTHETIC = "synthetic";

    private DemoSources() {}

    /**
     * {@code perTask} successful episodes of each task; {@code source} is {@value #SYNTHETIC}, a
     * directory, or several separated by commas (read in that order, {@link VdemoSet#load(List, List, int)}).
     */
    public static DemoSet open(String source, List<String> tasks, int perTask, int imageSide, long seed) {
        if (SYNTHETIC.equals(source)) {
            List<Integer> ids = new ArrayList<>();
            for (String t : tasks) ids.add(syntheticId(t));
            // Each task's episodes come from its own layouts; 6 chunks of 8 actions per episode.
            return new SyntheticDemos(ids, perTask, 6, imageSide, seed);
        }
        return VdemoSet.load(roots(source), tasks, perTask);
    }

    /** The directories of a {@code --demos-dir} value: one, or several separated by commas. */
    public static List<Path> roots(String source) {
        List<Path> out = new ArrayList<>();
        for (String s : source.split(",")) {
            if (!s.isBlank()) out.add(Path.of(s.strip()));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--demos-dir names no directory: '" + source + "'");
        return out;
    }

    /** Task names as given, or for the suite's recordings expanded through the task registry (suites, 'benchmark'). */
    public static List<String> resolveTasks(String source, List<String> names) {
        if (SYNTHETIC.equals(source)) return names;
        return dev.vlarl.env.TaskRegistry.select(String.join(",", names)).stream().map(dev.vlarl.env.Task::name).toList();
    }

    static int syntheticId(String task) {
        for (int i = 0; i < 4; i++) if (SyntheticDemos.taskName(i).equals(task)) return i;
        throw new IllegalArgumentException("unknown synthetic task '" + task + "' (valid: " + SyntheticDemos.taskName(0) + " .. "
                + SyntheticDemos.taskName(3) + ")");
    }

    /**
     * Every instruction of the suite (the task registry's, plus one per recorded task directory),
     * to build a vocabulary that covers benchmark tasks too.
     */
    public static Set<String> instructions(String source) {
        Set<String> out = new LinkedHashSet<>();
        if (SYNTHETIC.equals(source)) {
            out.addAll(SyntheticDemos.allInstructions());
            return out;
        }
        for (dev.vlarl.env.Task t : dev.vlarl.env.TaskRegistry.all()) out.add(t.instruction());
        for (Path root : roots(source)) {
            try {
                List<Path> dirs = DemoReader.findUnder(root).stream().map(Path::getParent).distinct().toList();
                for (Path d : dirs) {
                    try (Stream<Path> f = Files.list(d)) {
                        Path first = f.filter(p -> p.getFileName().toString().endsWith(".vdemo")).sorted().findFirst().orElseThrow();
                        out.add(DemoReader.read(first).header().instruction());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read demonstrations under " + root + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
