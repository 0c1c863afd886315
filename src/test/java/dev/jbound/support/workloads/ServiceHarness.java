package dev.jbound.support.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the closed-loop services the advice is checked on, each in its own JVM beside a downstream
 * in another: a service at a given thread count, its throughput measured from its own count of
 * requests (AdviceTest, and bench/run.sh advice).
 */
public final class ServiceHarness {

    /** A closed-loop service's shape: its downstream (main class, arguments), its CPU per request, its connection pool (0: none). */
    public record Shape(String name, String what, String downstream, List<String> downstreamArgs, long cpuMicros, int pool) {
    }

    public static final Shape FIXED_LATENCY = new Shape("fixed-latency",
            "4 ms of CPU, then a 20 ms call to a downstream without a capacity limit",
            "dev.jbound.support.servers.LineServer", List.of("0", "20"), 4000, 0);
    public static final Shape LOCAL_DATABASE = new Shape("local-database",
            "0.5 ms of CPU, then a call to a downstream on this machine that computes 4 ms per request",
            "dev.jbound.support.servers.LineServer", List.of("4000", "0"), 500, 0);
    public static final Shape SMALL_CONNECTION_POOL = new Shape("small-connection-pool",
            "2 ms of CPU, then a 20 ms call on a connection borrowed from a commons-pool2 pool of 4",
            "dev.jbound.support.servers.LineServer", List.of("0", "20"), 2000, 4);
    public static final List<Shape> SHAPES = List.of(FIXED_LATENCY, LOCAL_DATABASE, SMALL_CONNECTION_POOL);

    /** A JIT warm-up before measuring, as `jbound demo` waits. */
    public static final long WARM_UP_MILLIS = 1500;

    private ServiceHarness() {
    }

    /** A running JVM that printed "ready" (and, for a server, its port). */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;
        private final String ready;

        private Running(List<String> cmd) throws IOException {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
            ready = out.readLine();
            if (ready == null || !ready.startsWith("ready")) {
                close();
                throw new IOException(String.join(" ", cmd) + " did not start: " + ready);
            }
        }

        public long pid() {
            return process.pid();
        }

        /** The port a server printed ("ready PORT"). */
        public int port() {
            return Integer.parseInt(ready.substring(6).trim());
        }

        /** {requests so far, nanoTime} from a service. */
        long[] mark() throws IOException {
            in.println("m");
            String[] f = out.readLine().split(" ");
            return new long[]{Long.parseLong(f[0]), Long.parseLong(f[1])};
        }

        /** Requests a second over {@code millis}. */
        public double throughput(long millis) throws IOException, InterruptedException {
            long[] a = mark();
            Thread.sleep(millis);
            long[] b = mark();
            return (b[0] - a[0]) * 1e9 / (b[1] - a[1]);
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Any main class of the tests' in its own JVM, once it printed "ready". */
    public static Running start(String mainClass, String... args) throws IOException {
        return new Running(java(mainClass, args));
    }

    public static Running downstream(Shape s) throws IOException {
        return new Running(java(s.downstream(), s.downstreamArgs().toArray(String[]::new)));
    }

    public static Running service(Shape s, int port, int threads) throws IOException {
        List<String> args = new ArrayList<>(List.of(Integer.toString(threads), Long.toString(s.cpuMicros()), Integer.toString(port)));
        if (s.pool() > 0) args.add(Integer.toString(s.pool()));
        return new Running(java(ClosedLoopService.class.getName(), args.toArray(String[]::new)));
    }

    /** A service that can be started at any thread count: a closed-loop shape on its downstream, or a JDBC service. */
    public interface Service {
        String name();

        Running start(int threads) throws IOException;
    }

    /** {@code s} on a downstream already listening at {@code port}. */
    public static Service closedLoop(Shape s, int port) {
        return new Service() {
            @Override
            public String name() {
                return s.name();
            }

            @Override
            public Running start(int threads) throws IOException {
                return service(s, port, threads);
            }
        };
    }

    /**
     * A {@link JdbcService}: {@code cpuMicros} of CPU, then {@code sql} on a HikariCP connection to
     * {@code jdbcUrl}; {@code pool} connections, or as many as threads when 0.
     */
    public static Service jdbc(String name, String jdbcUrl, int pool, long cpuMicros, String sql) {
        return inJvm(name, JdbcService.class, threads -> new String[]{Integer.toString(threads), Long.toString(cpuMicros), jdbcUrl,
                Integer.toString(pool > 0 ? pool : threads), sql});
    }

    /** A {@link JournalService}: {@code cpuMicros} of CPU, then a 4 KiB append and fdatasync, its journals in {@code dir}. */
    public static Service journal(String name, Path dir, long cpuMicros) {
        return inJvm(name, JournalService.class, threads -> new String[]{Integer.toString(threads), Long.toString(cpuMicros), dir.toString()});
    }

    /** A service that is {@code main} in a JVM of its own, its arguments made for each thread count. */
    private static Service inJvm(String name, Class<?> main, java.util.function.IntFunction<String[]> args) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Running start(int threads) throws IOException {
                return new Running(java(main.getName(), args.apply(threads)));
            }
        };
    }

    /** The service's throughput at {@code threads}, after the warm-up. */
    public static double throughput(Service s, int threads, long millis) throws IOException, InterruptedException {
        try (Running r = s.start(threads)) {
            Thread.sleep(WARM_UP_MILLIS);
            return r.throughput(millis);
        }
    }

    /** The service's throughput at {@code threads}, after the warm-up. */
    public static double throughput(Shape s, int port, int threads, long millis) throws IOException, InterruptedException {
        try (Running r = service(s, port, threads)) {
            Thread.sleep(WARM_UP_MILLIS);
            return r.throughput(millis);
        }
    }
}
