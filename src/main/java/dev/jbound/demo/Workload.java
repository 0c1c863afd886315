package dev.jbound.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The built-in demo workloads: {@code jbound demo <id>} and the end-to-end accuracy tests. */
public enum Workload {
    CPU("cpu", "one SHA-256 hashing thread per core (hash-worker-N)", List.of(), CpuWorkload::new),
    CPU_SINGLE("cpu-single", "one thread in a tight compute loop (single-worker), nothing else runs",
            List.of(), CpuSingleWorkload::new),
    IO("io", "8 blocking socket clients (io-client-N) against a local server answering in 20 ms",
            List.of(), IoWorkload::new),
    DISK("disk", "2 threads writing 4 KiB and fsyncing after each write (fsync-writer-N)",
            List.of(), DiskWorkload::new),
    LOCK("lock", "4 threads contending for one synchronized monitor held ~1 ms (sync-worker-N)",
            List.of(), LockWorkload::new),
    RLOCK("rlock", "4 threads contending for one ReentrantLock held ~1 ms (rlock-worker-N)",
            List.of(), ReentrantLockWorkload::new),
    IDLE("idle", "nothing works: main sleeps, 20 pool workers parked (idle-pool-thread-N)",
            List.of(), () -> new IdleWorkload(20, 0)),
    IDLE_POOL("idle-pool", "200 parked pool workers (idle-pool-thread-N) and 2 CPU-busy threads (busy-N)",
            List.of(), () -> new IdleWorkload(200, 2)),
    GC("gc", "allocation churn (alloc-churn-N) over a live set of ~62% of a 64 MiB Parallel GC heap",
            GcWorkload.JVM_OPTIONS, GcWorkload::new),
    VIRTUAL_IO("virtual-io", "JDK 21+: 200 virtual threads in blocking socket reads (virtual-client-N), one pinned"
            + " to its carrier by a sleeping class initialiser (virtual-pinner)", List.of(), VirtualIoWorkload::new),
    BURST("burst", "traffic in bursts: one burst-worker-N per core hashes for 3 s, then sleeps 3 s, again and again"
            + " (the report's PHASES show cpu-bound and idle taking turns)", List.of(), BurstWorkload::new),
    MIXED("mixed", "service: io-bound request-pool-thread-N (8) and cpu-bound compute-pool-thread-N (2)",
            List.of(), MixedWorkload::new);

    private final String id;
    private final String description;
    private final List<String> jvmOptions;
    private final Supplier<DemoWorkload> factory;

    Workload(String id, String description, List<String> jvmOptions, Supplier<DemoWorkload> factory) {
        this.id = id;
        this.description = description;
        this.jvmOptions = jvmOptions;
        this.factory = factory;
    }

    /** The name on the command line, e.g. {@code cpu-single}. */
    public String id() {
        return id;
    }

    /** One line for {@code jbound demo --list}. */
    public String description() {
        return description;
    }

    /** JVM options the child needs, e.g. the small heap for {@code gc}; empty for most. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** A new, not yet started instance; only meaningful inside the child JVM. */
    public DemoWorkload create() {
        return factory.get();
    }

    public static Optional<Workload> byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }
}
