package dev.jbound.cli;

import dev.jbound.export.OtlpExport;
import dev.jbound.export.PrometheusExposition;
import dev.jbound.export.WatchSeries;
import dev.jbound.model.MainClass;
import dev.jbound.model.Report;
import dev.jbound.profile.RecordingArchive;
import dev.jbound.profile.Watch;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.ContainerId;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import static dev.jbound.render.TerminalText.escape;

/** jbound watch PID|NAME|--all: a window every period, its verdict exposed for Prometheus. */
@Command(name = "watch",
        description = {"Record a window every period and keep going: the verdict, the time in each state per pool, lock"
                + " and I/O waits and the advised pool size, served for Prometheus (--prometheus) or written for the node"
                + " exporter's textfile collector (--textfile). A name is looked up again each period, so a JVM restarted"
                + " under a new pid is followed; --all watches every JVM that can be attached, picking up new ones and"
                + " dropping gone ones. A JVM that refuses attach is reported and tried again after a growing pause."
                + " Each window stops its profiler in the target, whatever ends jbound."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound watch OrderService --prometheus 127.0.0.1:9465",
                "  jbound watch --all OrderService --prometheus 127.0.0.1:9465",
                "                                    (every JVM whose main class or jar names it)",
                "  jbound watch --all --window 10s --every 60s --textfile /var/lib/prometheus/node-exporter",
                "  jbound watch 12345 --every 30s --rounds 10"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--rounds periods passed, or the JVM watched by pid ended",
                "2:usage error (a bad address, a directory that cannot be written)",
                "3:no process with the pid given",
                "130:interrupted (Ctrl-C, SIGTERM)"})
public final class WatchCommand implements Callable<Integer> {
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    static final Duration DEFAULT_EVERY = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID|NAME",
            description = "The JVM to watch: a pid, or a name matched each period as attach matches it (one JVM)."
                    + " With --all, a name picks every JVM it matches.")
    String target;

    @Option(names = "--all", description = "Watch every JVM on this machine that jbound can attach to, or every one NAME matches.")
    boolean all;

    @Option(names = "--window", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How long each window records. Default: 10s.")
    Duration window;

    @Option(names = "--every", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How often a window starts, at least the window's length. Default: 60s (a sixth of the time recorded:"
                    + " the target pays well under 1%% of its CPU, BENCHMARKS.md).")
    Duration every;

    @Option(names = "--prometheus", paramLabel = "HOST:PORT",
            description = "Serve the metrics at http://HOST:PORT/metrics in the Prometheus and OpenMetrics text formats"
                    + " (port 0: any free port, printed on stderr).")
    String prometheus;

    @Option(names = "--textfile", paramLabel = "DIR",
            description = "After each period, write the metrics to DIR/jbound.prom for the node exporter's textfile collector"
                    + " (written beside and renamed, so never read half-written).")
    Path textfile;

    @Option(names = "--otlp", paramLabel = "URL",
            description = "Also push the metrics as OTLP over HTTP to URL (a collector's metrics endpoint, e.g."
                    + " http://127.0.0.1:4318/v1/metrics) once a period; each JVM is a resource (service.name, host.name,"
                    + " process.pid, container.id).")
    URI otlp;

    @Option(names = "--jfr-dir", paramLabel = "DIR",
            description = "Keep each window's recording in DIR as jbound-PID-TIME.jfr (for a later jbound report), the oldest"
                    + " deleted while they hold more than --jfr-dir-size.")
    Path jfrDir;

    @Option(names = "--jfr-dir-size", paramLabel = "SIZE",
            description = "How much the kept recordings may hold together: a number of bytes, or with k, m or g (1024-based)."
                    + " Default: ${DEFAULT-VALUE}.")
    String jfrDirSize = "1g";

    @Option(names = "--top", paramLabel = "N",
            description = "Series for at most N pools, N lock sites and N I/O targets per JVM; later ones fold into 'other'."
                    + " Default: ${DEFAULT-VALUE}.")
    int top = 10;

    @Option(names = "--rounds", paramLabel = "N", description = "Stop after N periods (default: run until interrupted).")
    long rounds;

    @Option(names = "--recorder", paramLabel = "RECORDER",
            description = "Which recorder: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    RecorderOption recorder = RecorderOption.auto;

    @Override
    public Integer call() throws IOException, TargetException {
        Watch.Options options = options();
        long pid = options.selection().pid();
        // a pid that is not there at all is a mistake to say now; one that refuses attach is watched and retried
        if (pid > 0 && ProcessHandle.of(pid).isEmpty()) throw new TargetException("no process with pid " + pid + " (list them with: jbound ps)");
        WatchSeries series = new WatchSeries(top);
        Console console = parent.console();
        PrintWriter err = console.err();
        try (PrometheusExposition exposition = new PrometheusExposition(series);
             OtlpExport pushed = otlp == null ? null : new OtlpExport(series, otlp.toString(), options.every());
             InterruptOnSigint ignored = InterruptOnSigint.install(!console.inShell())) {
            if (prometheus != null) {
                int port = exposition.serve(host(), port());
                err.printf(Locale.US, "jbound watch: serving http://%s:%d/metrics%n", host(), port);
                err.flush();
            }
            Watch.run(options, new Printer(series, exposition, pushed, err));
            return Thread.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
    }

    private Watch.Options options() {
        if (!all && target == null) {
            throw new ParameterException(spec.commandLine(), "name the JVM to watch by pid or main class, or pass --all (list them with: jbound ps)");
        }
        if (all && target != null && TargetFinder.isPid(target)) {
            throw new ParameterException(spec.commandLine(), "--all with a pid: watch the pid alone (drop --all), or name a main class");
        }
        Duration w = window == null ? DEFAULT_WINDOW : window;
        Duration e = every == null ? DEFAULT_EVERY.compareTo(w) < 0 ? w : DEFAULT_EVERY : every;
        RecordingOptions.checkWindow(spec, "--window", w);
        if (e.compareTo(w) < 0) {
            throw new ParameterException(spec.commandLine(), "--every " + e.toMillis() + "ms is shorter than the window ("
                    + w.toMillis() + "ms); windows do not overlap");
        }
        if (top < 1) throw new ParameterException(spec.commandLine(), "--top must be at least 1");
        if (rounds < 0) throw new ParameterException(spec.commandLine(), "--rounds must be 0 (until interrupted) or more");
        if (prometheus != null) {
            host();
            port();
        }
        if (otlp != null && !(("http".equals(otlp.getScheme()) || "https".equals(otlp.getScheme())) && otlp.getHost() != null)) {
            throw new ParameterException(spec.commandLine(), "--otlp wants an http(s) URL (e.g. http://127.0.0.1:4318/v1/metrics), not " + otlp);
        }
        OutputOptions.checkWritableDirectory(spec, textfile, "--textfile");
        OutputOptions.checkWritableDirectory(spec, jfrDir, "--jfr-dir");
        RecordingArchive archive = jfrDir == null ? null : new RecordingArchive(jfrDir, bytes(jfrDirSize));
        Watch.Selection selection = all ? Watch.Selection.ofAll(target == null ? null : target.strip())
                : TargetFinder.isPid(target) ? Watch.Selection.ofPid(Long.parseLong(target.strip())) : Watch.Selection.ofName(target);
        return new Watch.Options(selection, RecordingSettings.defaults(w), e, recorder.choice(), rounds, archive);
    }

    /** "512m" → 536870912; a plain number is bytes. */
    private long bytes(String size) {
        String s = size.strip().toLowerCase(Locale.ROOT);
        long unit = s.endsWith("k") ? 1L << 10 : s.endsWith("m") ? 1L << 20 : s.endsWith("g") ? 1L << 30 : 1;
        try {
            long n = Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1));
            if (n <= 0 || n > Long.MAX_VALUE / unit) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException ex) {
            throw new ParameterException(spec.commandLine(), "--jfr-dir-size wants a size such as 500m or 2g, not " + size);
        }
    }

    private String host() {
        int colon = prometheus.lastIndexOf(':');
        if (colon <= 0) throw new ParameterException(spec.commandLine(), "--prometheus wants HOST:PORT (e.g. 127.0.0.1:9465), not " + prometheus);
        String host = prometheus.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private int port() {
        String p = prometheus.substring(prometheus.lastIndexOf(':') + 1);
        try {
            int port = Integer.parseInt(p);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--prometheus " + prometheus + ": the port must be 0 to 65535");
        }
    }

    /** Feeds the series, writes the textfile each period, and says on stderr what each window found. */
    private final class Printer implements Watch.Listener {
        private final WatchSeries series;
        private final PrometheusExposition exposition;
        private final OtlpExport otlp;
        /** This machine's name, for the OTLP resources; read once. */
        private final String host;
        private final PrintWriter err;

        Printer(WatchSeries series, PrometheusExposition exposition, OtlpExport otlp, PrintWriter err) {
            this.series = series;
            this.exposition = exposition;
            this.otlp = otlp;
            this.host = otlp == null ? null : hostName();
            this.err = err;
        }

        @Override
        public void recorded(TargetJvm jvm, Report report) {
            series.window(jvm.mainClass(), jvm.pid(), report);
            // a JVM's resource is described once, at its first window (its cgroup read then)
            if (otlp != null && !otlp.exporting(jvm.pid())) {
                otlp.watch(new OtlpExport.JvmResource(MainClass.simpleName(jvm.mainClass()), host, jvm.pid(),
                        ContainerId.of(jvm.pid()).orElse(null)));
            }
            say(String.format(Locale.US, "pid %d (%s): %s, confidence %.2f", jvm.pid(), jvm.mainClass(),
                    report.verdict().workloadClass().label(), report.verdict().confidence()));
        }

        @Override
        public void failed(long pid, String jvm, String why) {
            series.failed(jvm, pid);
            say("pid " + pid + (jvm.isEmpty() ? "" : " (" + jvm + ")") + ": not recorded: " + why + "; trying again later");
        }

        @Override
        public void gone(long pid, String jvm) {
            if (otlp != null) otlp.gone(pid);
            series.gone(pid);
            say("pid " + pid + (jvm.isEmpty() ? "" : " (" + jvm + ")") + " has gone");
        }

        @Override
        public void idle(String why) {
            say("nothing to record this period: " + why);
        }

        @Override
        public void period(long number) {
            series.ownCpu(ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0));
            if (textfile == null) return;
            try {
                exposition.writeTextfile(textfile);
            } catch (IOException e) {
                say("cannot write " + textfile.resolve(PrometheusExposition.TEXTFILE) + ": " + e.getMessage());
            }
        }

        private static String hostName() {
            try {
                return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException e) {
                return "localhost";
            }
        }

        private void say(String line) {
            err.println("jbound watch: " + escape(line));
            err.flush();
        }
    }
}
