package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.JboundProcess;
import dev.jbound.support.JsonDocs;
import dev.jbound.support.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** jbound shell as a person uses it, in tmux, against the lock demo; and fed from a pipe, as a script uses it. */
class ShellCommandTest {
    private ChildJvm target;
    private Tmux tmux;

    @TempDir
    Path home;

    @BeforeEach
    void start() throws Exception {
        target = ChildJvm.start("dev.jbound.demo.WorkloadMain", List.of(), "lock", "--exit-with-parent");
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) tmux.close();
        if (target != null) target.close();
    }

    private void shell() throws Exception {
        assumeTrue(Tmux.available(), "needs tmux");
        tmux = Tmux.start(140, 50);
        tmux.keys(Tmux.jboundScript("HOME=" + home + " LANG=C.UTF-8 TERM=xterm-256color", "shell"), "Enter");
        tmux.await("jbound>"); // tmux drops the prompt's trailing space
    }

    /** Clears the screen (Ctrl-L), runs one line and waits for the prompt after it; returns the screen. */
    private String line(String text, String shows) throws Exception {
        tmux.keys("C-l");
        tmux.type(text);
        tmux.keys("Enter");
        return tmux.await(s -> s.contains(shows) && s.strip().endsWith(">"));
    }

    /**
     * Runs one line until its screen also shows {@code wanted}, at most 10 times: a thread dump is one
     * instant, which may fall between two holders of the lock and so show no thread waiting.
     */
    private String lineUntil(String text, String shows, String wanted) throws Exception {
        String screen = line(text, shows);
        for (int i = 1; i < 10 && !screen.contains(wanted); i++) screen = line(text, shows);
        return screen;
    }

    @Test
    void completesAttachesRecordsAndInspectsAndNoErrorEndsIt() throws Exception {
        shell();
        String pid = Long.toString(target.pid());
        tmux.type("att");
        tmux.keys("Tab");
        assertThat(tmux.await("jbound> attach")).contains("jbound> attach"); // tmux drops the trailing space
        tmux.keys("Tab", "Tab"); // the running JVMs, each with its main class
        assertThat(tmux.await(pid + "  dev.jbound.demo.WorkloadMain")).contains(pid + "  dev.jbound.demo.WorkloadMain");
        tmux.keys("C-u");
        assertThat(line("attach " + pid, "attached to pid")).containsPattern("attached to pid " + pid + " \\S+ · JDK [\\d.]+ · \\d+ threads");

        // 4 s: a shorter window on a loaded machine may see threads queue for a CPU more than for the lock
        assertThat(line("record 4s", "STRATEGY")).contains("VERDICT lock-bound").contains("jbound " + pid + " WorkloadMain>");
        assertThat(line("threads", "sync-worker-4")).contains("THREAD", "sync-worker-1", "app");
        assertThat(line("ps", "PID")).contains(pid, "WorkloadMain");

        // options and their values complete from the same model
        tmux.keys("C-l");
        tmux.type("record --rec");
        tmux.keys("Tab");
        assertThat(tmux.await("record --recorder")).contains("record --recorder");
        tmux.keys("Tab", "Tab");
        assertThat(tmux.await(s -> s.contains("async") && s.contains("jfr"))).contains("auto", "async", "jfr");
        tmux.keys("C-u");

        tmux.keys("C-l");
        tmux.type("stack sync-w");
        tmux.keys("Tab");
        assertThat(tmux.await("stack sync-worker-")).contains("stack sync-worker-");
        tmux.keys("Tab");
        assertThat(tmux.await("sync-worker-3")).contains("sync-worker-1", "sync-worker-2", "sync-worker-3", "sync-worker-4");
        tmux.keys("C-u"); // JLine's menu has taken the first name by now; type one whole
        assertThat(line("stack sync-worker-1", "at java.lang.Thread.run")).contains("at dev.jbound.demo.LockWorkload");

        assertThat(lineUntil("locks", "now:", "held by sync-worker-")).contains("CONTENDED LOCKS", "held by sync-worker-", "LOCKS");
        assertThat(lineUntil("dump", "jbound dump · pid", "LOCK (")).contains("jbound dump · pid " + pid, "LOCK (");
        Path json = home.resolve("run.json");
        assertThat(line("save " + json, "saved")).contains("saved " + json);
        JsonDocs.parse(json);
        Path jfr = home.resolve("run.jfr");
        line("save " + jfr, "saved " + jfr);
        assertThat(Files.size(jfr)).isPositive();
        assertThat(line("diff " + json + " " + json, "CLASS")).contains("CLASS lock-bound (unchanged)");

        // errors are one line each, and the shell goes on
        assertThat(line("stack no-such-thread", "no thread")).contains("no thread of pid " + pid + " is named 'no-such-thread'");
        assertThat(line("bogus", "no command")).contains("jbound: no command 'bogus'; help lists them");
        assertThat(line("record --duration x", "invalid value")).contains("hint: see 'help record'");
        assertThat(line("help", "Commands")).contains("attach", "record", "verdict", "threads", "stack", "locks", "top",
                "dump", "save", "diff", "exit");
        assertThat(line("detach", "detached").strip()).contains("detached from pid " + pid).endsWith("jbound>");
        assertThat(line("verdict", "nothing recorded")).contains("nothing recorded yet: attach PID|NAME");
        tmux.keys("exit", "Enter");
        assertThat(tmux.await("TTY-")).contains("EXIT=0", "TTY-RESTORED");
        assertThat(Files.readString(home.resolve(".jbound_history"))).contains("record 4s", "locks", "exit");

        // history persists: the next shell recalls the last session's lines
        tmux.keys("clear", "Enter");
        tmux.await(s -> !s.contains("jbound>")); // so that the next prompt seen is the new shell's
        tmux.keys(Tmux.jboundScript("HOME=" + home + " TERM=xterm-256color", "shell"), "Enter");
        tmux.await("jbound>");
        tmux.keys("Up", "Up"); // exit, then the line before it
        assertThat(tmux.await("jbound> verdict")).contains("jbound> verdict");
        tmux.keys("C-u", "C-d");
        assertThat(tmux.await("TTY-")).contains("EXIT=0");
    }

    @Test
    void ctrlCStopsARecordingNotTheShellAndTopRunsInside() throws Exception {
        shell();
        String pid = Long.toString(target.pid());
        line("attach " + pid, "attached");
        tmux.keys("C-l");
        tmux.type("record 60s");
        tmux.keys("Enter");
        tmux.await("recording pid");
        Thread.sleep(4000); // a few seconds of the window
        tmux.keys("C-c");
        String after = tmux.await(s -> s.contains("STRATEGY") && s.strip().endsWith(">"));
        assertThat(after).contains("VERDICT lock-bound", "interrupted", "jbound " + pid + " WorkloadMain>");
        assertThat(line("verdict", "STRATEGY")).contains("VERDICT lock-bound");

        tmux.keys("C-c"); // at the prompt: clears the line, the shell stays
        tmux.keys("C-l");
        tmux.type("top");
        tmux.keys("Enter");
        // as in TopCommandTest: the verdict so far settles within a few intervals
        assertThat(tmux.await(s -> s.contains("so far LOCK-BOUND") && s.contains("holds Object")))
                .contains(" jbound top · pid " + pid, "so far LOCK-BOUND");
        tmux.keys("q");
        assertThat(tmux.await(s -> s.contains("lock-bound") && s.strip().endsWith(">")))
                .containsPattern("pid " + pid + " \\S+ over [\\d.]+ s: lock-bound");
        tmux.keys("exit", "Enter");
        assertThat(tmux.await("TTY-")).contains("EXIT=0", "TTY-RESTORED");
    }

    @Test
    void readsCommandsFromAPipeForScripts() throws Exception {
        String pid = Long.toString(target.pid());
        Path json = home.resolve("verdict.json");
        try (JboundProcess jbound = JboundProcess.start(Map.of("HOME", home.toString()), List.of("shell"))) {
            try (OutputStream in = jbound.stdin()) {
                in.write(("attach " + pid + "\nbogus\nrecord 4s --format json --output " + json + "\nthreads\nexit\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            assertThat(jbound.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(jbound.out()).contains("attached to pid " + pid, "no command 'bogus'", "sync-worker-1")
                    // a script's output holds no prompts, colours or progress lines
                    .doesNotContain("jbound>", "\u001b", "\r");
        }
        assertThat(JsonDocs.parse(json).get("verdict").get("class").asString()).isEqualTo("lock-bound");
    }
}
