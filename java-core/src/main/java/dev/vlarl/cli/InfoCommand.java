package dev.vlarl.cli;

import dev.vlarl.torch.Torch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints what vlarl runs on: JDK, libtorch, its CPU kernels and threads, allocator settings. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the runtime: JDK, libtorch version, CPU kernel set, threads, malloc settings.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.printf("JDK              %s (%s)%n", Runtime.version(), System.getProperty("java.vm.vendor"));
        System.out.printf("cores            %d%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("libtorch         %s%n", Torch.version());
        System.out.printf("ATen CPU kernels %s (ATEN_CPU_CAPABILITY=%s)%n", Torch.cpuCapability(),
                System.getenv().getOrDefault("ATEN_CPU_CAPABILITY", "unset"));
        System.out.printf("torch threads    %d%n", Torch.numThreads());
        System.out.printf("GLIBC_TUNABLES   %s%n", System.getenv().getOrDefault("GLIBC_TUNABLES", "unset"));
        System.out.printf("native dir       %s%n", System.getProperty("vlarl.native.dir", "(search path)"));
        return 0;
    }
}
