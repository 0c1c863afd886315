package dev.jbound.demo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Main class of the demo child JVM: {@code WorkloadMain <name> [--seconds N] [--exit-with-parent]}.
 * Starts the workload, prints {@code ready <name> <pid>} on stdout (and nothing else there), then
 * runs until killed, until N seconds have passed, or (with {@code --exit-with-parent}, which the
 * launcher passes) until the process that started it is gone, so no demo outlives a crashed test.
 */
public final class WorkloadMain {
    /** How often main wakes up to check the deadline and the parent: it is a sleeping thread. */
    private static final long TICK_MILLIS = 500;

    private WorkloadMain() {
    }

    /** Parsed command line. {@code seconds} is 0 for "until killed". */
    record Args(Workload workload, long seconds, boolean exitWithParent) {
    }

    public static void main(String[] argv) throws Exception {
        Optional<Args> args = parse(argv, System.err);
        if (args.isEmpty()) {
            System.exit(2);
            return;
        }
        // a dead worker would silently change the workload: end the process so it is noticed
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.err.println("jbound demo: thread " + t.getName() + " died");
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        });
        Workload w = args.get().workload();
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        w.create().start();
        System.out.println("ready " + w.id() + " " + ProcessHandle.current().pid());
        System.out.flush();
        long seconds = args.get().seconds();
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            if (args.get().exitWithParent() && !parent.map(ProcessHandle::isAlive).orElse(false)) {
                break;
            }
            Thread.sleep(TICK_MILLIS);
        }
        System.exit(0);
    }

    /** Parses the command line; on error prints usage to {@code err} and returns empty. */
    static Optional<Args> parse(String[] argv, PrintStream err) {
        Workload workload = null;
        long seconds = 0;
        boolean exitWithParent = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--seconds") && i + 1 < argv.length) {
                try {
                    seconds = Long.parseLong(argv[++i]);
                } catch (NumberFormatException e) {
                    seconds = -1;
                }
                if (seconds <= 0) {
                    return usage(err, "--seconds needs a positive whole number, got " + argv[i]);
                }
            } else if (a.equals("--exit-with-parent")) {
                exitWithParent = true;
            } else if (workload == null && !a.startsWith("-")) {
                workload = Workload.byId(a).orElse(null);
                if (workload == null) {
                    return usage(err, "unknown workload '" + a + "'");
                }
            } else {
                return usage(err, "unexpected argument '" + a + "'");
            }
        }
        if (workload == null) {
            return usage(err, "no workload named");
        }
        return Optional.of(new Args(workload, seconds, exitWithParent));
    }

    private static Optional<Args> usage(PrintStream err, String problem) {
        err.println("jbound demo: " + problem);
        err.println("usage: WorkloadMain <name> [--seconds N] [--exit-with-parent]");
        err.println("workloads:");
        err.println(Arrays.stream(Workload.values())
                .map(w -> String.format("  %-11s %s", w.id(), w.description()))
                .collect(Collectors.joining(System.lineSeparator())));
        return Optional.empty();
    }
}
