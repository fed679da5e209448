package dev.vlarl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vlarl} command line. The launcher script (./vlarl) installs and builds what
 * is missing, then runs this with the native libraries on the path; {@code test},
 * {@code build}, {@code setup} and {@code bench} are the launcher's own.
 */
@Command(
        name = "vlarl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Online RL (SimpleVLA-RL: GRPO with 0/1 success reward) for small vision-language-action policies.",
        subcommands = {InfoCommand.class, TrainCommand.class, RenderCommand.class, EnvsCommand.class, DemosCommand.class,
            PretrainCommand.class, SftCommand.class, EvalCommand.class, PolicyCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nLauncher commands (handled by ./vlarl itself):%n",
        footer = {
            "  setup    install missing system packages (Debian: libtorch, MuJoCo, Mesa EGL, OpenBLAS)",
            "  build    build the native libraries (CMake) and the Java modules (Maven)",
            "  test     build, then run the whole test suite",
            "  bench    build, then run the JMH benchmarks (bench/README.md)"
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            if (Boolean.getBoolean("vlarl.debug")) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
