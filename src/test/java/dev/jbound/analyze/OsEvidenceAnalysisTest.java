package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.CpuBudget;
import dev.jbound.model.Frame;
import dev.jbound.model.OsActivity;
import dev.jbound.model.OsThreadActivity;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WallSample;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OS sensor's evidence through the whole analysis: a recording and the OS's view of the same window. */
class OsEvidenceAnalysisTest {

    private static final long MS = 1_000_000L;
    private static final long WINDOW = 5_000 * MS;
    private static final long START = 1_700_000_000_000L * MS;
    private static final Channel DATABASE = new Channel(Channel.Kind.CONNECTED, "127.0.0.1:50000", "127.0.0.1:5432");
    private static final Channel LISTENER = new Channel(Channel.Kind.LISTENER, "127.0.0.1:8080", "");
    private static final Stack SOCKET_READ = Stack.of(Frame.java("sun.nio.ch.NioSocketImpl", "read"),
            Frame.java("java.net.Socket$SocketInputStream", "read"), Frame.java("com.acme.Dao", "query"));
    private static final Stack ACCEPT = Stack.of(Frame.java("sun.nio.ch.Net", "accept"),
            Frame.java("sun.nio.ch.NioSocketImpl", "accept"), Frame.java("java.net.ServerSocket", "accept"),
            Frame.java("com.acme.Server", "main"));

    private static Report analyze(Recording rec, List<OsThreadActivity> threads) {
        OsActivity os = new OsActivity(42, true, WINDOW, threads, 0, 0, 0, 0, 0, CpuBudget.of(2, 2, Double.NaN, -1, -1), "");
        return Analyzer.analyze(new Analyzer.Input(rec, os, null, new Report.Target(42, "com.acme.Main", "17.0.15"),
                Recording.ASYNC_PROFILER, List.of(), 2));
    }

    private static OsThreadActivity blockedIn(long tid, String name, long cpu, long runDelay, BlockedCall call) {
        return new OsThreadActivity(tid, name, cpu, runDelay, new OsThreadActivity.StateCounts(0, call.polls(), 0, 0),
                0, WINDOW, false, false, List.of(call));
    }

    @Test
    void clientsStarvedOfSamplesByABusyLocalDatabaseStillWaitForIt() {
        // 24 clients on a machine a local database saturates: the wall sampler reached each only 4 times
        Map<Long, ThreadInfo> threads = new HashMap<>();
        List<WallSample> walls = new ArrayList<>();
        List<OsThreadActivity> os = new ArrayList<>();
        for (long tid = 100; tid < 124; tid++) {
            threads.put(tid, new ThreadInfo(tid, "db-client-" + tid, tid));
            for (int i = 0; i < 4; i++) walls.add(new WallSample(START + i * 1000 * MS, tid, SOCKET_READ, 24 * MS));
            os.add(blockedIn(tid, "db-client-" + tid, 2 * MS, 2_500 * MS,
                    new BlockedCall("read", BlockedCall.Call.RECEIVE, List.of(DATABASE), 20, 0, 0)));
        }
        Recording rec = new Recording(START, START + WINDOW, 20 * MS, 24 * MS, threads, List.of(), walls, List.of(), false);
        Report r = analyze(rec, os);
        assertThat(r.verdict().workloadClass()).as("%s %s", r.verdict(), r.breakdown()).isEqualTo(WorkloadClass.IO_BOUND);
        // each waited the half of the window it was neither on a CPU nor queued for one
        assertThat(r.breakdown().nanos(ThreadState.IO)).isBetween(24 * 2_400 * MS, 24 * 2_600 * MS);
        assertThat(r.idleThreads()).isZero();
    }

    @Test
    void aServerWhoseStacksSayAcceptIsIdleWhereTheOsSawItWaitOnItsListener() {
        Map<Long, ThreadInfo> threads = Map.of(7L, new ThreadInfo(7, "main", 1));
        List<WallSample> walls = new ArrayList<>();
        for (int i = 0; i < 250; i++) walls.add(new WallSample(START + i * 20 * MS, 7, ACCEPT, 20 * MS));
        Recording rec = new Recording(START, START + WINDOW, 20 * MS, 20 * MS, threads, List.of(), walls, List.of(), false);
        Report r = analyze(rec, List.of(blockedIn(7, "main", 0, 0,
                new BlockedCall("accept4", BlockedCall.Call.ACCEPT, List.of(LISTENER), 40, 0, 0))));
        assertThat(r.verdict().workloadClass()).as("%s %s", r.verdict(), r.breakdown()).isEqualTo(WorkloadClass.IDLE);
        // without the OS's view the same stacks are a thread in I/O
        Report stacksOnly = Analyzer.analyze(new Analyzer.Input(rec, null, null, new Report.Target(42, "com.acme.Main", "17.0.15"),
                Recording.ASYNC_PROFILER, List.of(), 2));
        assertThat(stacksOnly.verdict().workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
    }
}
