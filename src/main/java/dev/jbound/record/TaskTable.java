package dev.jbound.record;

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
    private final OpenStatFiles statFiles;
    /** Count every thread from its birth and read schedstat on each poll. */
    private final boolean launched;
    private final Map<Long, ThreadTally> tallies = new HashMap<>();
    private boolean schedstatMissing;

    TaskTable(long pid, ProcFileReader reader) {
        this(pid, reader, false);
    }

    TaskTable(long pid, ProcFileReader reader, boolean launched) {
        this.taskDir = "/proc/" + pid + "/task/";
        this.reader = reader;
        this.statFiles = new OpenStatFiles(taskDir, reader);
        this.launched = launched;
    }

    /** Returns false when the task directory is gone (the process exited). */
    boolean snapshotStart() {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        for (String tid : tids) {
            TaskStat stat = stat(tid);
            if (stat != null) tallies.put(Long.parseLong(tid), new ThreadTally(Long.parseLong(tid), stat, schedstat(tid), launched, 0));
        }
        return true;
    }

    /** Counts each thread's state once; returns false when the task directory is gone. */
    boolean poll(long sinceStartNanos) {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        for (String name : tids) {
            TaskStat stat = stat(name);
            if (stat == null) continue; // exited between the listing and the read
            long tid = Long.parseLong(name);
            tallies.computeIfAbsent(tid, t -> new ThreadTally(t, stat, null, true, sinceStartNanos))
                    .polled(stat, launched ? schedstat(name) : null, sinceStartNanos);
        }
        statFiles.retainOnly(Set.of(tids));
        return true;
    }

    boolean snapshotEnd(long sinceStartNanos) {
        String[] tids = new File(taskDir).list();
        if (tids == null) return false;
        for (String name : tids) {
            TaskStat stat = stat(name);
            if (stat == null) continue;
            long tid = Long.parseLong(name);
            tallies.computeIfAbsent(tid, t -> new ThreadTally(t, stat, null, true, sinceStartNanos))
                    .ended(stat, schedstat(name), sinceStartNanos);
        }
        return true;
    }

    /** True when some thread had no schedstat: its CPU time then has 10 ms (tick) resolution. */
    boolean schedstatMissing() {
        return schedstatMissing;
    }

    List<OsThreadActivity> activities() {
        List<OsThreadActivity> list = new ArrayList<>();
        for (ThreadTally t : tallies.values()) list.add(t.toActivity());
        list.sort(Comparator.comparingLong(OsThreadActivity::tid));
        return list;
    }

    @Override
    public void close() {
        statFiles.close();
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
