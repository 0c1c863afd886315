package dev.jbound.record;

import dev.jbound.target.TaskStat;
import java.io.IOException;

/**
 * Whole-process counters: CPU from /proc/PID/stat (it includes threads that already exited) and
 * I/O from /proc/PID/io. Each poll keeps the last good reading, so a process that exits
 * mid-window still reports what it did up to then.
 */
final class ProcessCounters {

    private final String statPath;
    private final String ioPath;
    private final ProcFileReader reader;
    final long startCpuNanos;
    final ProcIo startIo;
    /** Why /proc/PID/io could not be read, or null. */
    final String ioProblem;
    long lastCpuNanos;
    ProcIo lastIo;
    long lastSeenNanos;

    private ProcessCounters(long pid, ProcFileReader reader, long startCpuNanos, ProcIo startIo, long cpuNanos, ProcIo io,
                            String ioProblem) {
        this.statPath = "/proc/" + pid + "/stat";
        this.ioPath = "/proc/" + pid + "/io";
        this.reader = reader;
        this.startCpuNanos = startCpuNanos;
        this.lastCpuNanos = cpuNanos;
        this.startIo = startIo;
        this.lastIo = io;
        this.ioProblem = ioProblem;
    }

    /**
     * Throws when /proc/PID/stat cannot be read: no such process, or no /proc.
     *
     * @param fromZero count from the process's start instead of from now (a process watched since its launch)
     */
    static ProcessCounters start(long pid, ProcFileReader reader, boolean fromZero) throws IOException {
        TaskStat stat = TaskStat.parse(reader.read("/proc/" + pid + "/stat"));
        ProcIo io = null;
        String problem = null;
        try {
            io = ProcIo.parse(reader.read("/proc/" + pid + "/io"));
        } catch (IOException e) {
            // read_bytes & co. need ptrace access: same user and ptrace_scope permitting, or CAP_SYS_PTRACE.
            problem = "/proc/" + pid + "/io unreadable (" + e.getMessage() + "): needs ptrace access to the target";
        }
        if (fromZero) return new ProcessCounters(pid, reader, 0, io == null ? null : new ProcIo(0, 0, 0, 0), stat.cpuNanos(), io, problem);
        return new ProcessCounters(pid, reader, stat.cpuNanos(), io, stat.cpuNanos(), io, problem);
    }

    /** Returns false once the process is gone or a zombie (exited, not yet reaped). */
    boolean poll(long sinceStartNanos) {
        String text = reader.readOrNull(statPath);
        if (text == null) return false;
        TaskStat stat;
        try {
            stat = TaskStat.parse(text);
        } catch (RuntimeException e) {
            return false;
        }
        if (stat.state() == 'Z' || stat.state() == 'X') return false;
        lastCpuNanos = stat.cpuNanos();
        lastSeenNanos = sinceStartNanos;
        if (startIo != null) {
            String io = reader.readOrNull(ioPath);
            if (io != null) lastIo = ProcIo.parse(io);
        }
        return true;
    }
}
