package dev.jbound.model;

import java.util.List;

/**
 * What the OS saw of one process during a window: per-thread CPU, run-queue delay and states,
 * I/O bytes, and the CPU budget. Byte counters are -1 when /proc/PID/io was unreadable
 * (it needs ptrace access to the target).
 *
 * @param available false on non-Linux, or when the target's /proc entry could not be read at all
 * @param note      what could not be read, or why the window ended early; empty when all went well
 * @param endpoints the remote endpoints the threads waited on, with the connections to each at the end
 * @param machineBusyCores the whole machine's cores busy on average in the window (every process's), -1 when unknown
 */
public record OsActivity(long pid, boolean available, long windowNanos, List<OsThreadActivity> threads,
                         long processCpuNanos, long readBytes, long writeBytes, long readChars, long writeChars,
                         CpuBudget cores, String note, List<Endpoint> endpoints, double machineBusyCores) {

    public OsActivity {
        threads = List.copyOf(threads);
        note = note == null ? "" : note;
        endpoints = List.copyOf(endpoints);
    }

    public OsActivity(long pid, boolean available, long windowNanos, List<OsThreadActivity> threads, long processCpuNanos,
                      long readBytes, long writeBytes, long readChars, long writeChars, CpuBudget cores, String note) {
        this(pid, available, windowNanos, threads, processCpuNanos, readBytes, writeBytes, readChars, writeChars, cores, note, List.of(), -1);
    }

    public static OsActivity unavailable(long pid, CpuBudget cores, String note) {
        return new OsActivity(pid, false, 0, List.of(), 0, -1, -1, -1, -1, cores, note);
    }

    /** What the OS saw of a remote endpoint the threads waited on, or null. */
    public Endpoint endpoint(String address) {
        for (Endpoint e : endpoints) {
            if (e.address().equals(address)) return e;
        }
        return null;
    }

    public boolean ioReadable() {
        return writeChars >= 0;
    }

    /** The first thread whose comm equals {@code name}, or null. */
    public OsThreadActivity thread(String name) {
        for (OsThreadActivity t : threads) {
            if (t.name().equals(name)) return t;
        }
        return null;
    }
}
