package dev.jbound.record;

import dev.jbound.target.TaskStat;
import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.Endpoint;
import dev.jbound.model.OsThreadActivity;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target's tasks (threads) under /proc/PID/task. Start and end snapshots read stat and
 * schedstat; a poll reads only stat, one small file per thread, to keep it light, unless the
 * target was launched by jbound: then there is usually no end snapshot (it exits first), so each
 * poll reads schedstat too and the last reading stands in for the end.
 */
final class TaskTable implements AutoCloseable {

    private final String taskDir;
    private final ProcFileReader reader;
    private final OpenTaskFiles statFiles;
    private final WaitProbe waits;
    /** Count every thread from its birth and read schedstat on each poll. */
    private final boolean launched;
    private final Map<Long, ThreadTally> tallies = new HashMap<>();
    private boolean schedstatMissing;
    /** Where among the sleeping threads the next poll begins to read calls. */
    private int callsCursor;

    /**
     * A thread's blocking call costs about three times its stat line to read (OsSensorCostTest), so
     * a poll reads at most this many and the next poll goes on with the sleepers after them: a JVM
     * of 2,000 threads has each one's call read every eighth poll, and its polls stay as frequent.
     */
    static final int MAX_CALLS_PER_POLL = 256;

    private record Asleep(ThreadTally tally, WaitProbe.Seen seen, boolean diskSleep, boolean fileIo) {
    }

    TaskTable(long pid, ProcFileReader reader) {
        this(pid, reader, false);
    }

    TaskTable(long pid, ProcFileReader reader, boolean launched) {
        this.taskDir = "/proc/" + pid + "/task/";
        this.reader = reader;
        this.statFiles = new OpenTaskFiles(taskDir, "stat", reader);
        this.waits = new WaitProbe(pid, reader);
        this.launched = launched;
    }

    /** Returns false when the task directory is gone (the process exited). */
    boolean snapshotStart() {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        for (String tid : tids) {
            TaskStat stat = stat(tid);
            if (stat != null) {
                ThreadTally t = new ThreadTally(Long.parseLong(tid), stat, schedstat(tid), launched, 0);
                t.ioAtStart(launched ? null : io(tid));
                tallies.put(Long.parseLong(tid), t);
            }
        }
        return true;
    }

    /**
     * Counts each thread's state once, and for a sleeping one the call it sleeps in; returns false
     * when the task directory is gone.
     */
    boolean poll(long sinceStartNanos) {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        List<Asleep> asleep = new ArrayList<>();
        int inFileIo = 0;
        int sleepers = 0;
        int from = callsCursor;
        for (String name : tids) {
            TaskStat stat = stat(name);
            if (stat == null) continue; // exited between the listing and the read
            long tid = Long.parseLong(name);
            ThreadTally tally = tallies.computeIfAbsent(tid, t -> new ThreadTally(t, stat, null, true, sinceStartNanos));
            tally.polled(stat, launched ? schedstat(name) : null, sinceStartNanos);
            // A flush on a virtual machine's disk runs as R, in the kernel (DESIGN.md): a running
            // thread whose blocked polls were mostly in file I/O is taken to be in it now too.
            if (stat.state() == 'R' && tally.mostlyInFileIo()) inFileIo++;
            if (stat.state() != 'S' && stat.state() != 'D') continue;
            int nth = sleepers++;
            if (nth < from || nth >= from + MAX_CALLS_PER_POLL) {
                if (stat.state() == 'D') inFileIo++; // its call unread this poll, its disk sleep seen all the same
                continue;
            }
            WaitProbe.Seen seen = waits.observe(name);
            if (seen == null) continue;
            Asleep a = new Asleep(tally, seen, stat.state() == 'D', stat.state() == 'D' || WaitProbe.isFileIo(seen));
            if (a.fileIo()) inFileIo++;
            asleep.add(a);
        }
        callsCursor = from + MAX_CALLS_PER_POLL < sleepers ? from + MAX_CALLS_PER_POLL : 0;
        // Only now is it known which threads were in file I/O at this instant, beside each sleeper.
        for (Asleep a : asleep) a.tally().blockedIn(a.seen(), a.diskSleep(), a.fileIo(), inFileIo > (a.fileIo() ? 1 : 0));
        waits.afterPoll(sinceStartNanos);
        Set<String> listed = Set.of(tids);
        statFiles.retainOnly(listed);
        waits.retainOnly(listed);
        return true;
    }

    boolean snapshotEnd(long sinceStartNanos) {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        for (String name : tids) {
            TaskStat stat = stat(name);
            if (stat == null) continue;
            long tid = Long.parseLong(name);
            ThreadTally t = tallies.computeIfAbsent(tid, k -> new ThreadTally(k, stat, null, true, sinceStartNanos));
            t.ended(stat, schedstat(name), sinceStartNanos);
            t.ioAtEnd(io(name));
        }
        return true;
    }

    /** True when some thread had no schedstat: its CPU time then has 10 ms (tick) resolution. */
    boolean schedstatMissing() {
        return schedstatMissing;
    }

    /** Why blocking calls could not be read, or null. */
    String waitsProblem() {
        return waits.problem();
    }

    /** @param sinceStartNanos the window's end: sockets met but not yet looked up get a last look */
    List<OsThreadActivity> activities(long sinceStartNanos) {
        waits.finish(sinceStartNanos);
        List<OsThreadActivity> list = new ArrayList<>();
        for (ThreadTally t : tallies.values()) list.add(t.toActivity(waits));
        list.sort(Comparator.comparingLong(OsThreadActivity::tid));
        return list;
    }

    /** The endpoints the threads waited on for an answer, with the process's connections to each now. */
    List<Endpoint> endpoints(List<OsThreadActivity> activities, long sinceStartNanos) {
        java.util.Set<String> remotes = new java.util.LinkedHashSet<>();
        for (OsThreadActivity t : activities) {
            for (BlockedCall c : t.blocked()) {
                for (Channel ch : c.channels()) if (ch.kind() == Channel.Kind.CONNECTED && !ch.remote().isEmpty()) remotes.add(ch.remote());
            }
        }
        return waits.endpoints(remotes, sinceStartNanos);
    }

    @Override
    public void close() {
        statFiles.close();
        waits.close();
    }

    private TaskStat stat(String tid) {
        String text = statFiles.read(tid);
        if (text == null) return null;
        try {
            return TaskStat.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The task's read and write call counters; null where unreadable (they need ptrace access, as /proc/PID/io does). */
    private ProcIo io(String tid) {
        String text = reader.readOrNull(taskDir + tid + "/io");
        try {
            return text == null ? null : ProcIo.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Schedstat schedstat(String tid) {
        String text = reader.readOrNull(taskDir + tid + "/schedstat");
        try {
            if (text != null) return Schedstat.parse(text);
        } catch (RuntimeException e) {
            // fall through: treated like a kernel without schedstats
        }
        schedstatMissing = true;
        return null;
    }
}
