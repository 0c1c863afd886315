package dev.jbound.support.workloads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.jbound.support.servers.Work;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop service on a database, as services are written: {@code THREADS} threads
 * ({@code service-N}) each compute {@code CPU_MICROS} of CPU (a hash), then borrow a connection
 * from a HikariCP pool of {@code POOL} and run one query {@code SQL} through PostgreSQL's JDBC
 * driver, again and again.
 *
 * <p>{@code JdbcService THREADS CPU_MICROS JDBC_URL POOL SQL}; prints "ready" once the pool holds its
 * connections, then answers each "m" line on stdin with "UNITS NANOTIME", as ClosedLoopService.
 */
public final class JdbcService {

    private static final AtomicLong UNITS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long cpuMicros = Long.parseLong(args[1]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[2]);
        config.setMaximumPoolSize(Integer.parseInt(args[3]));
        config.setMinimumIdle(Integer.parseInt(args[3]));
        config.setConnectionTimeout(60_000);
        config.setPoolName("db");
        String sql = args[4];
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql); // the driver and the server warm, the first connection proven
        }
        ClosedLoopService.run(threads, seed -> serve(cpuMicros, pool, sql, seed), UNITS);
    }

    private static void serve(long cpuMicros, HikariDataSource pool, String sql, long seed) {
        try {
            for (long h = seed; ; ) {
                h = Work.hashFor(cpuMicros, h);
                try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        String v = r.getString(1); // text, since pg_sleep returns void
                        h ^= v == null ? 0 : v.hashCode();
                    }
                }
                UNITS.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
