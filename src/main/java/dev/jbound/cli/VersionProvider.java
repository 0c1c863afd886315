package dev.jbound.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by Maven), or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = JboundCommand.class.getPackage().getImplementationVersion();
        return new String[] {"jbound " + (v == null ? "dev" : v), "JVM: ${java.version} (${java.vendor})"};
    }
}
