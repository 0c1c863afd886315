package dev.jbound.export;

import dev.jbound.model.IoShare;
import dev.jbound.model.LockSite;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code jbound watch} exposes, kept between windows: each window's report adds to the
 * counters of its JVM and replaces its gauges. Independent of any exposition library, so the
 * Prometheus endpoint, the textfile and OTLP show the same series.
 *
 * <p>Label values come from the target (main class, pool, lock and site names, endpoints): each
 * is cleaned ({@link #labelValue}) and, per JVM and dimension, only the first {@code top} distinct
 * values get series of their own; later ones fold into {@value #OTHER}. So one odd JVM (a pool per
 * request, a generated class per lock) cannot blow up the series count. Thread-safe.
 */
public final class WatchSeries {
    public static final String OTHER = "other";
    /** Label values longer than this are cut: a name is for telling series apart, not for storage. */
    static final int MAX_LABEL_LENGTH = 120;

    public enum Kind { COUNTER, GAUGE, INFO }

    /** A metric family: its name (without a counter's {@code _total}), help, kind and label names. */
    public record Family(String name, String help, Kind kind, List<String> labelNames) {
        Family(String name, String help, Kind kind, String... labelNames) {
            this(name, help, kind, List.of(labelNames));
        }
    }

    public record Point(Family family, List<String> labelValues, double value) {
    }

    public static final Family STATE_SECONDS = new Family("jbound_state_seconds",
            "Thread-seconds the JVM's threads spent in each state in the windows recorded, by thread pool", Kind.COUNTER,
            "jvm", "pid", "pool", "state");
    public static final Family WINDOW_SECONDS = new Family("jbound_window_seconds",
            "Seconds recorded (the windows' total length)", Kind.COUNTER, "jvm", "pid");
    public static final Family WINDOWS = new Family("jbound_windows",
            "Windows recorded", Kind.COUNTER, "jvm", "pid");
    public static final Family CLASS = new Family("jbound_class",
            "The last window's verdict: the JVM's class (pool \"\") and each pool's; value 1", Kind.INFO,
            "jvm", "pid", "pool", "class");
    public static final Family CONFIDENCE = new Family("jbound_confidence",
            "The last window's confidence in the JVM's class, 0 to 1", Kind.GAUGE, "jvm", "pid");
    public static final Family LOCK_WAIT_SECONDS = new Family("jbound_lock_wait_seconds",
            "Seconds threads waited for each contended lock, by lock class and the site that waited", Kind.COUNTER,
            "jvm", "pid", "lock", "site");
    public static final Family IO_WAIT_SECONDS = new Family("jbound_io_wait_seconds",
            "Seconds active threads waited on I/O, by endpoint or file where known", Kind.COUNTER,
            "jvm", "pid", "target");
    public static final Family ADVISED_POOL_SIZE = new Family("jbound_advised_pool_size",
            "The thread count the last window's strategy advises (absent when it advises none)", Kind.GAUGE, "jvm", "pid");
    public static final Family SAMPLES = new Family("jbound_samples",
            "Samples and events read from the windows' recordings, by kind (cpu, wall, lock)", Kind.COUNTER,
            "jvm", "pid", "kind");
    public static final Family UP = new Family("jbound_up",
            "1 when the last attempt to record the JVM succeeded, 0 when it failed", Kind.GAUGE, "jvm", "pid");
    public static final Family FAILURES = new Family("jbound_failures",
            "Attempts to record the JVM that failed (refused attach, a recording that could not be read)", Kind.COUNTER,
            "jvm", "pid");
    public static final Family OWN_CPU_SECONDS = new Family("jbound_own_cpu_seconds",
            "CPU time jbound watch itself used", Kind.COUNTER);

    public static final List<Family> FAMILIES = List.of(STATE_SECONDS, WINDOW_SECONDS, WINDOWS, CLASS, CONFIDENCE,
            LOCK_WAIT_SECONDS, IO_WAIT_SECONDS, ADVISED_POOL_SIZE, SAMPLES, UP, FAILURES, OWN_CPU_SECONDS);

    private record Key(Family family, List<String> labels) {
    }

    private final int top;
    private final Map<Key, Double> values = new LinkedHashMap<>();
    /** Per pid and dimension ("pool", "lock", "target"), the label values admitted so far. */
    private final Map<Long, Map<String, Set<String>>> admitted = new HashMap<>();

    /** @param top how many distinct pools, lock sites and I/O targets a JVM gets series for */
    public WatchSeries(int top) {
        if (top < 1) throw new IllegalArgumentException("top must be at least 1");
        this.top = top;
    }

    /** A window of the JVM {@code jvm} (its main class or jar) with process id {@code pid}. */
    public synchronized void window(String jvm, long pid, Report r) {
        String name = labelValue(jvm);
        String id = Long.toString(pid);
        add(WINDOWS, 1, name, id);
        add(WINDOW_SECONDS, r.window().durationNanos() / 1e9, name, id);
        set(UP, 1, name, id);
        // one class per JVM and pool: the last window's replaces the one before
        values.keySet().removeIf(k -> k.family() == CLASS && k.labels().get(1).equals(id));
        set(CLASS, 1, name, id, "", r.verdict().workloadClass().label());
        for (PoolRow p : bySize(r.pools())) {
            String pool = admit(pid, "pool", p.name());
            for (ThreadState s : ThreadState.SHOWN) {
                long nanos = p.breakdown().nanos(s);
                if (nanos > 0) add(STATE_SECONDS, nanos / 1e9, name, id, pool, s.label());
            }
            if (!pool.equals(OTHER)) set(CLASS, 1, name, id, pool, p.verdict().workloadClass().label());
        }
        set(CONFIDENCE, r.verdict().confidence(), name, id);
        for (LockSite l : r.locks()) {
            String lock = admit(pid, "lock", l.lockClass() + " " + (l.site() == null ? "" : l.site()));
            boolean folded = lock.equals(OTHER);
            add(LOCK_WAIT_SECONDS, l.waitNanos() / 1e9, name, id, folded ? OTHER : labelValue(l.lockClass()),
                    folded ? OTHER : labelValue(l.site() == null ? "" : l.site()));
        }
        for (IoShare io : r.io().targets()) {
            add(IO_WAIT_SECONDS, io.nanos() / 1e9, name, id, admit(pid, "target", io.target().name()));
        }
        Integer advised = r.strategy().poolSize();
        if (advised != null) set(ADVISED_POOL_SIZE, advised, name, id);
        else values.remove(new Key(ADVISED_POOL_SIZE, List.of(name, id)));
        add(SAMPLES, r.sampling().cpuSamples(), name, id, "cpu");
        add(SAMPLES, r.sampling().wallSamples(), name, id, "wall");
        add(SAMPLES, r.sampling().lockEvents(), name, id, "lock");
    }

    /** An attempt to record the JVM failed. */
    public synchronized void failed(String jvm, long pid) {
        String name = labelValue(jvm);
        String id = Long.toString(pid);
        add(FAILURES, 1, name, id);
        set(UP, 0, name, id);
    }

    /** The JVM has gone: its series go too (Prometheus marks them stale at the next scrape). */
    public synchronized void gone(long pid) {
        String id = Long.toString(pid);
        values.keySet().removeIf(k -> !k.labels().isEmpty() && k.family().labelNames().get(1).equals("pid")
                && k.labels().get(1).equals(id));
        admitted.remove(pid);
    }

    /** jbound's own CPU time so far. */
    public synchronized void ownCpu(double seconds) {
        values.put(new Key(OWN_CPU_SECONDS, List.of()), seconds);
    }

    /** Every series now, families in {@link #FAMILIES} order. */
    public synchronized List<Point> points() {
        List<Point> out = new ArrayList<>();
        for (Family f : FAMILIES) {
            values.forEach((k, v) -> {
                if (k.family() == f) out.add(new Point(f, k.labels(), v));
            });
        }
        return out;
    }

    /** How many series there are now. */
    public synchronized int size() {
        return values.size();
    }

    private static List<PoolRow> bySize(List<PoolRow> pools) {
        List<PoolRow> sorted = new ArrayList<>(pools);
        sorted.sort((a, b) -> Long.compare(b.breakdown().activeNanos(), a.breakdown().activeNanos()));
        return sorted;
    }

    /** The label for {@code raw} in this JVM's {@code dimension}: itself while fewer than {@code top} are admitted, else "other". */
    private String admit(long pid, String dimension, String raw) {
        String value = labelValue(raw);
        Set<String> seen = admitted.computeIfAbsent(pid, k -> new HashMap<>()).computeIfAbsent(dimension, k -> new HashSet<>());
        if (seen.contains(value)) return value;
        if (seen.size() >= top || value.equals(OTHER)) return OTHER;
        seen.add(value);
        return value;
    }

    private void add(Family f, double v, String... labels) {
        values.merge(new Key(f, List.of(labels)), v, Double::sum);
    }

    private void set(Family f, double v, String... labels) {
        values.put(new Key(f, List.of(labels)), v);
    }

    /**
     * A label value from the target made safe for every exposition and for a terminal that shows
     * it: control characters (C0, DEL, C1, which carry terminal escapes) become '?', and it is cut to
     * {@value #MAX_LABEL_LENGTH} characters. Quotes, backslashes and line ends are the formats' own
     * escaping's to handle; none survives here as a line end anyway.
     */
    static String labelValue(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX_LABEL_LENGTH));
        for (int i = 0; i < raw.length() && b.length() < MAX_LABEL_LENGTH; i++) {
            char c = raw.charAt(i);
            b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '?' : c);
        }
        // a cut between the two halves of a surrogate pair would leave an invalid string
        if (b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1))) b.setLength(b.length() - 1);
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "%d series", size());
    }
}
