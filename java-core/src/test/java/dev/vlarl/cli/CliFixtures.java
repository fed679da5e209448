package dev.vlarl.cli;

import dev.vlarl.policy.ActionTokenizer;
import dev.vlarl.policy.DemoBatcher;
import dev.vlarl.policy.DemoSources;
import dev.vlarl.policy.InstructionTokenizer;
import dev.vlarl.policy.Policy;
import dev.vlarl.policy.PolicyConfig;
import dev.vlarl.policy.PolicyFiles;
import dev.vlarl.policy.SyntheticDemos;
import dev.vlarl.policy.TinyVla;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Shared by the command tests: an untrained tiny policy bundle, and a command run with its output captured. */
final class CliFixtures {
    /** A command's exit code and what it printed on standard output. */
    record Run(int rc, String out) {}

    private CliFixtures() {}

    /** Saves an untrained {@link PolicyConfig#tiny()} base (no adapters) as a bundle in {@code dir}. */
    static Path tinyBundle(Path dir) {
        PolicyConfig c = PolicyConfig.tiny();
        InstructionTokenizer words = InstructionTokenizer.build(DemoSources.instructions("synthetic"));
        ActionTokenizer actions = ActionTokenizer.fit(DemoBatcher.allActions(new SyntheticDemos(List.of(0), 2, 4, c.image(), 1)), c.bins());
        try (PolicyFiles.Loaded p = new PolicyFiles.Loaded(TinyVla.create(c, words.size()), words, actions)) {
            Policy.save(p, dir);
        }
        return dir;
    }

    /** Runs {@code vlarl args...} in this JVM, capturing standard output. */
    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        try {
            int rc = Main.commandLine().execute(args);
            return new Run(rc, buf.toString());
        } finally {
            System.setOut(old);
        }
    }
}
