package dev.jbound.model;

/** Who a thread works for: the application, the JVM itself (by job), or the profiler. */
public enum ThreadKind {
    APP("app"),
    GC("gc"),
    JIT("jit"),
    JVM("jvm"),
    PROFILER("profiler");

    private final String label;

    ThreadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
