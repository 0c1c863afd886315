package dev.jbound.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into version.properties at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    // read once: picocli asks every subcommand's provider (they inherit it) while it builds them
    private static final String VERSION = read();

    static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/jbound/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jbound " + version(), "JVM: ${java.version} (${java.vendor})"};
    }
}
