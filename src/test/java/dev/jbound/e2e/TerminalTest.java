package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** jbound in a real terminal (tmux): progress while recording, colour, and a clean screen after. */
class TerminalTest {
    private static final String SESSION = "jbound-test-" + ProcessHandle.current().pid();

    private ChildJvm target;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "needs tmux");
        target = ChildJvm.start(TargetMain.class.getName(), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        tmux("kill-session", "-t", SESSION);
        if (target != null) target.close();
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** A script, so that the screen shows a short command line and not the test classpath. */
    private String jboundCommand(String env) throws IOException {
        return jboundCommand(env, "attach " + target.pid() + " --duration 3s");
    }

    private static String jboundCommand(String env, String args) throws IOException {
        Path script = Files.createTempFile("jbound-tty", ".sh");
        script.toFile().deleteOnExit();
        Files.writeString(script, "clear\n" + env + " " + Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' dev.jbound.Main " + args + "\necho EXIT=$?\n");
        return "sh " + script;
    }

    private static String screen(boolean escapes) throws Exception {
        return escapes ? tmux("capture-pane", "-p", "-e", "-t", SESSION) : tmux("capture-pane", "-p", "-t", SESSION);
    }

    private static String awaitScreen(String text, boolean escapes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = screen(escapes);
        while (!s.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = screen(escapes);
        }
        return s;
    }

    @Test
    void showsProgressWhileRecordingThenAColouredReportAndNoLeftoverProgressLine() throws Exception {
        tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "50", "bash --norc --noprofile");
        tmux("send-keys", "-t", SESSION, jboundCommand("LANG=C.UTF-8 TERM=xterm-256color"), "Enter");
        String during = awaitScreen("recording pid " + target.pid(), false);
        assertThat(during).contains("recording pid " + target.pid()).contains("Ctrl-C stops early");
        String after = awaitScreen("EXIT=", true);
        assertThat(after).contains("EXIT=0").contains("VERDICT").contains("\u001b[1m");
        assertThat(screen(false)).doesNotContain("recording pid");
    }

    @Test
    void noColorTurnsColourOff() throws Exception {
        tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "50", "bash --norc --noprofile");
        tmux("send-keys", "-t", SESSION, jboundCommand("NO_COLOR=1 TERM=xterm-256color"), "Enter");
        String after = awaitScreen("EXIT=", true);
        assertThat(after).contains("EXIT=0").contains("VERDICT");
        // the prompt and tmux itself may style the screen; the report must not
        String report = after.substring(after.indexOf("jbound ·"), after.indexOf("EXIT="));
        assertThat(report).doesNotContain("\u001b[");
    }

    @Test
    void checkMarksFailuresInColourOnATerminalAndNotUnderNoColor() throws Exception {
        String check = "check --report " + Path.of("src/test/resources/recordings/lock.jfr").toAbsolutePath() + " --max lock=10%";
        tmux("new-session", "-d", "-s", SESSION, "-x", "160", "-y", "60", "bash --norc --noprofile");
        tmux("send-keys", "-t", SESSION, jboundCommand("LANG=C.UTF-8 TERM=xterm-256color", check), "Enter");
        String coloured = awaitScreen("EXIT=", true);
        assertThat(coloured).contains("EXIT=1").contains("\u001b[31mFAIL");
        tmux("send-keys", "-t", SESSION, jboundCommand("NO_COLOR=1 TERM=xterm-256color", check), "Enter");
        Thread.sleep(300); // the script clears the screen first
        String plain = awaitScreen("EXIT=", true);
        assertThat(plain).contains("EXIT=1").contains("FAIL  lock");
        assertThat(plain.substring(plain.indexOf("jbound ·"), plain.indexOf("EXIT="))).doesNotContain("\u001b[");
    }
}
