package dev.jbound.support.servers;

import dev.jbound.support.ChildJvm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Servers and their clients, each in a JVM of its own, stopped together in reverse order. */
public final class ServerGroup implements AutoCloseable {

    private final List<ChildJvm> started = new ArrayList<>();

    /** A main class of the tests' in its own small JVM, once it printed "ready". */
    public ChildJvm start(Class<?> main, String... args) throws IOException {
        return add(ChildJvm.start(main.getName(), List.of("-Xmx64m"), args));
    }

    public ChildJvm add(ChildJvm jvm) {
        started.add(jvm);
        return jvm;
    }

    /** The port a server printed with its "ready PORT". */
    public static String port(ChildJvm server) {
        for (String line : server.output().split("\n")) {
            if (line.startsWith("ready ")) return line.substring(6).trim();
        }
        throw new AssertionError("no port in " + server.output());
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
        started.clear();
    }
}
