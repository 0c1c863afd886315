package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.JboundProcess;
import dev.jbound.support.ProfilerStatus;
import dev.jbound.support.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * jbound top in a real terminal (tmux) against the lock demo: what the screen shows, every key,
 * resizing, and the terminal given back on q, on Ctrl-C and when the target dies.
 */
class TopCommandTest {
    private static final String ENV = "LANG=C.UTF-8 TERM=xterm-256color";

    private ChildJvm target;
    private Tmux tmux;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Tmux.available(), "needs tmux");
        target = ChildJvm.start("dev.jbound.demo.WorkloadMain", List.of(), "lock", "--exit-with-parent");
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) tmux.close();
        if (target != null) target.close();
    }

    private String top(int cols, int rows) throws Exception {
        tmux = Tmux.start(cols, rows);
        tmux.keys(Tmux.jboundScript(ENV, "top " + target.pid()), "Enter");
        // the first interval of a loaded machine may read cpu-bound (threads queue for a CPU instead
        // of the lock); the verdict so far settles within a few intervals
        return tmux.await(s -> s.contains("so far LOCK-BOUND") && s.contains("holds Object"));
    }

    private static List<String> lines(String screen) {
        return Arrays.asList(screen.split("\n", -1));
    }

    @Test
    void showsTheVerdictSoFarAndEachThreadsLockAt80x24AndEveryKeyWorks() throws Exception {
        String screen = top(80, 24);
        List<String> rows = lines(screen);
        // the whole frame fits: title on the first row, keys on the last, nothing wrapped or scrolled
        assertThat(rows.get(0)).startsWith(" jbound top · pid " + target.pid());
        assertThat(rows.get(23)).startsWith("q quit");
        assertThat(screen).contains("so far LOCK-BOUND", "waits Object held by sync-worker-", "holds Object (",
                "sync-worker-1", "sync-worker-4", "STATE C R I L G .");
        assertThat(screen).doesNotContain("BEFORE-JBOUND"); // drawn on the alternate screen

        tmux.keys("s");
        assertThat(tmux.await("sort active")).contains("sort active");

        tmux.keys("/");
        tmux.type("worker-3");
        assertThat(tmux.await("filter: worker-3")).contains("filter: worker-3_");
        tmux.keys("Enter");
        String filtered = tmux.await("filter 'worker-3'");
        // no row of sync-worker-1 (its name may still show in worker-3's lock column: "held by sync-worker-1")
        assertThat(filtered).contains("1 of 5 threads", "sync-worker-3").doesNotContainPattern("(?m)^sync-worker-1 ");

        tmux.keys("Enter"); // the selected (only) thread's stack
        // its Java state first (the holder of the moment runs, the others are blocked), then its frames
        assertThat(tmux.await("at dev.jbound.demo.LockWorkload")).contains("at dev.jbound.demo.LockWorkload")
                .containsAnyOf("    BLOCKED (on object monitor)", "    RUNNABLE");
        tmux.keys("Escape"); // collapses the stack
        assertThat(tmux.await(s -> !s.contains("at dev.jbound.demo.LockWorkload"))).doesNotContain("at dev.jbound.demo");
        tmux.keys("Escape"); // then clears the filter
        assertThat(tmux.await(s -> java.util.regex.Pattern.compile("(?m)^sync-worker-1 ").matcher(s).find() && !s.contains("filter '"))).contains("5 of 5 threads");

        tmux.keys("t");
        // which of them fit on 24 rows depends on what each did in the interval; /proc cuts names at 15 characters
        assertThat(tmux.await("JVM's own too")).containsAnyOf("GC Thread", "G1 ", "C1 CompilerThre", "C2 CompilerThre",
                "VM Thread", "VM Periodic Tas", "Signal Dispatche", "Reference Handle", "Service Thread", "Attach Listener");
        tmux.keys("t");

        tmux.keys("p");
        assertThat(tmux.await("PAUSED")).contains("PAUSED");
        tmux.keys("p");
        assertThat(tmux.await(s -> !s.contains("PAUSED"))).doesNotContain("PAUSED");

        tmux.keys("?");
        assertThat(tmux.await("Keys")).contains("pause or resume", "filter threads by name");
        tmux.keys("x"); // any key closes the help
        assertThat(tmux.await("THREAD")).contains("sync-worker-2");

        // a larger terminal: the frame follows it and the lock column gets room for whole names
        tmux.resize(160, 40);
        // the lock column comes from the last dump, which may have caught the lock free: wait for one with a waiter
        String wide = tmux.await(s -> lines(s).size() >= 40 && lines(s).get(39).startsWith("q quit")
                && java.util.regex.Pattern.compile("held by sync-worker-\\d").matcher(s).find());
        assertThat(lines(wide).get(0)).contains("async-profiler");
        assertThat(wide).contains("STATE C cpu R runq I io L lock G gc").containsPattern("held by sync-worker-\\d");

        tmux.keys("q");
        String after = tmux.await("TTY-");
        assertThat(after).contains("BEFORE-JBOUND", "EXIT=0", "TTY-RESTORED")
                .containsPattern("pid " + target.pid() + " \\S+ over [\\d.]+ s: lock-bound");
        assertThat(ProfilerStatus.awaitStopped(target.pid())).contains("not active");
    }

    @Test
    void ctrlCQuitsWith130AndGivesTheTerminalBack() throws Exception {
        top(100, 30);
        tmux.keys("C-c");
        String after = tmux.await("TTY-");
        assertThat(after).contains("BEFORE-JBOUND", "EXIT=130", "TTY-RESTORED").containsPattern("over [\\d.]+ s: ");
        assertThat(ProfilerStatus.awaitStopped(target.pid())).contains("not active");
    }

    @Test
    void aTargetThatDiesEndsTopAndGivesTheTerminalBack() throws Exception {
        top(100, 30);
        target.process().destroyForcibly();
        String after = tmux.await("TTY-");
        assertThat(after).contains("jbound: pid " + target.pid() + " exited", "EXIT=0", "TTY-RESTORED");
    }

    @Test
    void refusesWithoutATerminalAndPointsToAttach() throws Exception {
        try (JboundProcess jbound = JboundProcess.start(List.of("top", Long.toString(target.pid())))) {
            assertThat(jbound.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(jbound.err()).contains("top needs a terminal", "jbound attach PID").doesNotContain("Exception");
        }
    }
}
