package dev.jbound.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real JVM started by a test from the test classpath, ready once it prints a line starting with "ready". */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
    }

    public static ChildJvm start(String mainClass, List<String> jvmArgs, String... args) throws IOException {
        return start(List.of(), mainClass, jvmArgs, args);
    }

    /** {@code prefix} runs before java, e.g. {@code setpriv --reuid ...} to start it as another user. */
    public static ChildJvm start(List<String> prefix, String mainClass, List<String> jvmArgs, String... args) throws IOException {
        return launch(prefix, jvmArgs, List.of("-cp", System.getProperty("java.class.path"), mainClass), args);
    }

    /**
     * As nobody, from target/test-classes alone: the rest of the test classpath lies under root's
     * home, which nobody may not read.
     */
    public static ChildJvm startAsNobody(String mainClass, List<String> jvmArgs, String... args) throws IOException {
        String classes = Path.of("target", "test-classes").toAbsolutePath().toString();
        return launch(Nobody.PREFIX, jvmArgs, List.of("-cp", classes, mainClass), args);
    }

    /** {@code java -jar jar}: its main "class" is then the jar's path, as jps -l shows it. */
    public static ChildJvm startJar(Path jar, List<String> jvmArgs, String... args) throws IOException {
        return launch(List.of(), jvmArgs, List.of("-jar", jar.toString()), args);
    }

    /** On another JDK's {@code java} (a JDK 25 target), with the test classpath. */
    public static ChildJvm start(Path java, String mainClass, List<String> jvmArgs, String... args) throws IOException {
        return launch(List.of(), java, jvmArgs, List.of("-cp", System.getProperty("java.class.path"), mainClass), args);
    }

    private static ChildJvm launch(List<String> prefix, List<String> jvmArgs, List<String> main, String... args) throws IOException {
        return launch(prefix, Path.of(System.getProperty("java.home"), "bin", "java"), jvmArgs, main, args);
    }

    private static ChildJvm launch(List<String> prefix, Path java, List<String> jvmArgs, List<String> main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(main);
        cmd.addAll(List.of(args));
        ChildJvm jvm = new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        jvm.awaitReady();
        return jvm;
    }

    private void awaitReady() throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("ready")) ready.complete(true);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.complete(false);
        }, "child-output");
        t.setDaemon(true);
        t.start();
        try {
            if (!ready.get(20, TimeUnit.SECONDS)) throw new IOException("child JVM ended before ready: " + output());
        } catch (Exception e) {
            close();
            throw new IOException("child JVM not ready: " + output(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** SIGTERM first, so that the JVM removes the attach socket the test's attach made; SIGKILL after 5 s. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (process.waitFor(5, TimeUnit.SECONDS)) return;
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
