package dev.jbound.e2e;

import dev.jbound.support.servers.Postgres;
import dev.jbound.support.workloads.ServiceHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Optional;

import static dev.jbound.e2e.AdviceCheck.holds;
import static dev.jbound.e2e.AdviceCheck.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The advice on the issue's own case, a workload none of the rules were written on: a service whose
 * threads run queries through HikariCP and PostgreSQL's JDBC driver against a real PostgreSQL (Debian's
 * package, a process per connection). The advice must hold when applied (AdviceCheck), name the
 * database behind the port, and name HikariCP where the threads queue for its connections.
 */
class PostgresAdviceTest {

    /** About 3 ms of PostgreSQL's CPU a query on these machines: the database, not the client, fills the cores. */
    private static final String CPU_QUERY = "SELECT sum(i * i % 7) FROM generate_series(1, 20000) AS i";
    private static final String SLEEP_QUERY = "SELECT pg_sleep(0.02)";

    private static Postgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> bin = Postgres.installed();
        // .ci/run installs it; elsewhere a machine without it skips
        if (System.getenv("JBOUND_CI") == null) assumeTrue(bin.isPresent(), "needs Debian's postgresql");
        assertThat(bin).as("PostgreSQL under /usr/lib/postgresql (Debian's postgresql package)").isPresent();
        pg = Postgres.start(bin.orElseThrow());
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    @Test
    void aServiceWhosePostgresFillsTheCoresIsToldMoreThreadsAddLatencyOnly() throws Exception {
        ServiceHarness.Service s = ServiceHarness.jdbc("postgres-cpu", pg.jdbcUrl(), 0, 300, CPU_QUERY);
        AdviceCheck.Best best = sweep(s, 1, 2, 4, 8, 16);

        JsonNode report = AdviceCheck.attach(s, 48);
        JsonNode target = report.get("io").get("targets").get(0);
        assertThat(target.get("name").asString()).as("%s", report.get("io")).isEqualTo("127.0.0.1:" + pg.port());
        assertThat(target.get("localPid").asLong()).as("%s", target).isEqualTo(pg.pid());
        assertThat(target.get("localProcess").asString()).as("%s", target).contains("postgres");

        JsonNode many = holds(s, best, report, 48, true);
        assertThat(many.get("advice").toString()).as("%s", many).contains("on this machine", "latency only");
        holds(s, best, 1, true);
    }

    @Test
    void aServiceQueueingForItsHikariPoolIsSizedToItsConnections() throws Exception {
        ServiceHarness.Service s = ServiceHarness.jdbc("postgres-hikari-4", pg.jdbcUrl(), 4, 2000, SLEEP_QUERY);
        AdviceCheck.Best best = sweep(s, 4, 8, 16, 32);
        JsonNode advice = holds(s, best, 48, true);
        assertThat(advice.toString()).as("%s", advice).contains("HikariCP", "4 connections");
        // from 2 threads nobody queues to borrow yet, but every query goes through the pool's 4 connections
        JsonNode few = holds(s, best, 2, true);
        assertThat(few.toString()).as("%s", few).contains("through HikariCP's pool, which holds 4 connections");
    }
}
