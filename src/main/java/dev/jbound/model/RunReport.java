package dev.jbound.model;

import java.util.List;

/**
 * What {@code jbound run} concluded about the JVMs a command started: one verdict per reported
 * JVM (or why there is none), and notes about the run as a whole.
 *
 * @param everyJvm     every JVM the command started is reported (--subprocesses); otherwise only the first
 * @param commandEnded the command had ended when recording did; false when the window (--duration) ended first
 * @param jvms         the reported JVMs, in the order they started; empty when the command started none
 * @param notes        about the run as a whole; with one reported JVM they are in its report's notes too
 */
public record RunReport(boolean everyJvm, boolean commandEnded, List<JvmResult> jvms, List<String> notes) {

    public RunReport {
        jvms = List.copyOf(jvms);
        notes = List.copyOf(notes);
    }

    /** One JVM: its report, or (report null) the one-line reason there is none. */
    public record JvmResult(long pid, String mainClass, Report report, String problem) {
        public boolean recorded() {
            return report != null;
        }
    }

    public List<Report> reports() {
        return jvms.stream().filter(JvmResult::recorded).map(JvmResult::report).toList();
    }

    public List<JvmResult> unrecorded() {
        return jvms.stream().filter(j -> !j.recorded()).toList();
    }
}
