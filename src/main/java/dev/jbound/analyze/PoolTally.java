package dev.jbound.analyze;

/**
 * What sizing a pool needs beyond its breakdown, summed over its active threads: the requests it
 * made (write calls, where the OS counted them for every thread), its waits to borrow a connection
 * and from which pool, the pool its I/O went through, its CPU time.
 */
final class PoolTally {

    private long writeCalls;
    private boolean counted = true;
    private long borrowNanos;
    private String borrowPool;
    private String pooledVia;
    private long cpuNanos;

    void add(ThreadAccount a, long cpu) {
        if (a.writeCalls() < 0) counted = false;
        else writeCalls += a.writeCalls();
        borrowNanos += a.borrowNanos();
        if (a.borrowPool() != null) borrowPool = a.borrowPool();
        if (a.pooledVia() != null) pooledVia = a.pooledVia();
        cpuNanos += cpu;
    }

    /** Requests a second: write calls over the window; NaN where some thread's were not counted. */
    double requestsPerSecond(long windowNanos) {
        return !counted || windowNanos <= 0 || writeCalls == 0 ? Double.NaN : writeCalls * 1e9 / windowNanos;
    }

    long borrowNanos() {
        return borrowNanos;
    }

    String borrowPool() {
        return borrowPool;
    }

    /** The connection pool its I/O went through (HikariCP), or null. */
    String pooledVia() {
        return pooledVia;
    }

    long cpuNanos() {
        return cpuNanos;
    }
}
