package dev.jbound.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests: a detached tmux session running bash, typed into with send-keys and
 * read back with capture-pane, as a person would use jbound.
 */
public final class Tmux implements AutoCloseable {
    private static int sessions;

    private final String name;

    private Tmux(String name) {
        this.name = name;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/tmux"));
    }

    /** A new session of this size running an interactive bash without the user's rc files. */
    public static synchronized Tmux start(int cols, int rows) throws IOException, InterruptedException {
        Tmux t = new Tmux("jbound-test-" + ProcessHandle.current().pid() + "-" + (++sessions));
        t.run("new-session", "-d", "-s", t.name, "-x", Integer.toString(cols), "-y", Integer.toString(rows),
                "bash --norc --noprofile");
        return t;
    }

    /** Types each argument; tmux key names (Enter, Tab, C-c, Up, Escape) are keys. */
    public void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Types text literally (no key names), without Enter. */
    public void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", name, "-l", text);
    }

    public void resize(int cols, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", name, "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    /** The screen as text, one line per row. */
    public String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", name);
    }

    /** The screen with its colour escapes. */
    public String screenWithEscapes() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-e", "-t", name);
    }

    /** Waits up to 30 s for the screen to show {@code text}; returns the screen either way. */
    public String await(String text) throws IOException, InterruptedException {
        return await(s -> s.contains(text));
    }

    public String await(Predicate<String> shows) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = screen();
        while (!shows.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /**
     * A script that runs jbound with {@code args} under {@code env} and then prints its exit code
     * and whether the terminal's settings came back as they were, so the screen shows a short
     * command line and not the test classpath.
     */
    public static String jboundScript(String env, String args) throws IOException {
        Path script = Files.createTempFile("jbound-tty", ".sh");
        script.toFile().deleteOnExit();
        Files.writeString(script, "clear\nS=$(stty -g)\necho BEFORE-JBOUND\n" + env + " "
                + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' dev.jbound.Main " + args + "\necho EXIT=$?\n"
                + "if [ \"$(stty -g)\" = \"$S\" ]; then echo TTY-RESTORED; else echo TTY-CHANGED; fi\n");
        // bash, not dash: Ctrl-C that jbound handles (and survives) must not end the script as well
        return "bash " + script;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-session", "-t", name);
    }
}
