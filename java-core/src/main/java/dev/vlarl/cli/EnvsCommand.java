package dev.vlarl.cli;

import dev.vlarl.env.Task;
import dev.vlarl.env.TaskRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vlarl envs}: the simulation tasks (list), rollout videos and the environment benchmark. */
@Command(name = "envs", mixinStandardHelpOptions = true,
        description = "Simulation tasks: list them, watch a rollout, benchmark the environments.",
        subcommands = {EnvsCommand.ListCommand.class, EnvsVideoCommand.class, EnvsBenchCommand.class})
final class EnvsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print suites, tasks, instructions and step limits.")
    static final class ListCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (String suite : TaskRegistry.suites()) {
                var tasks = TaskRegistry.select(suite);
                System.out.printf("%s (%d tasks%s)%n", suite, tasks.size(), suite.equals(TaskRegistry.PRETRAIN)
                        ? ", pretraining: never used for evaluation" : "");
                for (Task t : tasks) {
                    System.out.printf("  %-42s %4d steps  \"%s\"%n", t.name(), t.stepLimit(), t.instruction());
                }
            }
            System.out.println("Select tasks by full name (suite/task), a suite name, 'benchmark', or a comma-separated list.");
            return 0;
        }
    }
}
