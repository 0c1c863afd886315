package dev.jbound.support.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's package, in a cluster of its own under a temporary
 * directory, listening on a free loopback port: the database the advice is checked against.
 * PostgreSQL refuses to run as root, so as root it runs as nobody (setpriv). fsync is off: these
 * tests are about its CPU and its connections, not its disk.
 */
public final class Postgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final Process server;

    private Postgres(Path bin, Path dir, int port, Process server) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** Debian's server binaries (/usr/lib/postgresql/VERSION/bin), the newest, if installed. */
    public static Optional<Path> installed() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(), Comparator.comparingInt(Postgres::version)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int version(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Creates a cluster, starts it and waits until it accepts connections. */
    public static Postgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("jbound-pg");
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "65534:65534", dir.toString()));
        }
        run(command(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync", "-N"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(command(root, bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                "-c", "shared_buffers=32MB", "-c", "max_connections=100"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        Postgres pg = new Postgres(bin, dir, port, server);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pg.accepts()) {
            if (!server.isAlive() || System.nanoTime() > until) {
                String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
                pg.close();
                throw new IOException("PostgreSQL did not start: " + log);
            }
            Thread.sleep(100);
        }
        return pg;
    }

    private boolean accepts() {
        try {
            Process p = new ProcessBuilder(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-q")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }
    }

    private static List<String> command(boolean root, String... cmd) {
        List<String> all = new ArrayList<>(root ? dev.jbound.support.Nobody.PREFIX : List.of());
        all.addAll(List.of(cmd));
        return all;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }

    public int port() {
        return port;
    }

    /** The postmaster's pid (setpriv execs it): the process jbound should find behind the port. */
    public long pid() {
        return server.pid();
    }

    /** A JDBC URL for the cluster's default database, as its superuser. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    @Override
    public void close() {
        // SIGQUIT: PostgreSQL's immediate shutdown, the backends with it (SIGTERM would wait for clients)
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(server.pid())).start().waitFor();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            server.destroyForcibly();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
