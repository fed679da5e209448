package dev.vlarl.cli;

import picocli.CommandLine;

/** Version line: vlarl's own version and the JVM it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "vlarl " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }
}
