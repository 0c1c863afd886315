package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Frame;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a thread's time is accounted from what the JDK's recorder measures: timed waits, dumps, pauses. */
class JdkAccountingTest {
    private static final long MS = 1_000_000L;
    private static final long WINDOW = 3000 * MS;

    private static ThreadAccount account() {
        return new ThreadAccount(new ThreadInfo(42, "worker-1", 7));
    }

    @Test
    void timedWaitsHoldTheRunQueueDelayAfterTheWakeUp() {
        ThreadAccount a = account();
        a.addWall(ThreadState.LOCK, "Book.add", 1500 * MS);
        a.setOs(1000 * MS, 1000 * MS);
        a.setLife(WINDOW);
        a.exactWaits();
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.LOCK)).isEqualTo(1500 * MS);
        // the OS's 1 s of run delay overlaps the lock waits; only the 0.5 s they leave is queueing
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(500 * MS);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(1000 * MS);
    }

    @Test
    void timeBelowTheThresholdsGoesToTheStatesTheDumpsShow() {
        ThreadAccount a = account();
        a.setMeasured(600 * MS);
        a.setLife(WINDOW);
        a.addWall(ThreadState.WAIT, "Queue.take", 600 * MS);
        a.addHint(ThreadState.LOCK);
        a.addHint(ThreadState.LOCK);
        a.addHint(ThreadState.WAIT);
        a.addHint(ThreadState.CPU);
        Breakdown b = a.breakdown(WINDOW);
        // 3 s: 0.6 cpu, 0.6 timed wait, 1.8 unexplained split 2:1:1 over lock, wait and (running, so) runqueue
        assertThat(b.nanos(ThreadState.LOCK)).isEqualTo(900 * MS);
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(600 * MS + 450 * MS);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(450 * MS);
    }

    @Test
    void gcPausesStopAThreadThatWorkedBeforeAnythingElseExplainsItsTime() {
        ThreadAccount a = account();
        a.setMeasured(1000 * MS);
        a.setLife(WINDOW);
        a.stoppedByGc(1500 * MS);
        a.addHint(ThreadState.CPU);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.GC)).isEqualTo(1500 * MS);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(500 * MS);
    }

    @Test
    void aThreadDumpGivesEveryThreadsCpuTimeAgeAndStack() {
        String dump = String.join("\n",
                "2026-11-27 03:30:29",
                "Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):",
                "",
                "\"sync-worker-1\" #14 daemon prio=5 os_prio=0 cpu=1576.86ms elapsed=4.06s tid=0x00007fbf54254a50 nid=0x670f waiting for monitor entry  [0x00007fbf20895000]",
                "   java.lang.Thread.State: BLOCKED (on object monitor)",
                "\tat dev.jbound.demo.LockWorkload.work(LockWorkload.java:33)",
                "\t- waiting to lock <0x000000008a4f1f20> (a java.lang.Object)",
                "\tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)",
                "",
                "\"GC Thread#0\" os_prio=0 cpu=12.34ms elapsed=4.10s tid=0x00007fbf5404c2d0 nid=0x66fa runnable",
                "");
        Map<Long, ThreadDump.Thread> threads = ThreadDump.parse(dump).threads();
        assertThat(threads).containsOnlyKeys(0x670fL, 0x66faL);
        ThreadDump.Thread w = threads.get(0x670fL);
        assertThat(w.name()).isEqualTo("sync-worker-1");
        assertThat(w.cpuNanos()).isEqualTo(1_576_860_000L);
        assertThat(w.ageNanos()).isEqualTo(4_060_000_000L);
        assertThat(w.stack().frames()).containsExactly(Frame.java("dev.jbound.demo.LockWorkload", "work"),
                Frame.java("java.lang.Thread", "run"));
        assertThat(threads.get(0x66faL).cpuNanos()).isEqualTo(12_340_000L);
        assertThat(threads.get(0x66faL).stack().isEmpty()).isTrue();
    }
}
