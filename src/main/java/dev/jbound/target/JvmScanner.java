package dev.jbound.target;

import dev.jbound.model.Attachability;

import dev.jbound.model.FoundJvm;

import dev.jbound.model.JvmStatus;

import dev.jbound.model.JvmScan;

import dev.jbound.model.MainClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the JVMs on this machine in /proc, and measures them for {@code jbound ps}. */
public final class JvmScanner {

    /**
     * CPU use is the change in utime + stime, counted in 10 ms ticks, so a 200 ms sample resolves 5%
     * of a CPU; longer would make {@code ps} slower than {@code jcmd -l} for little gain.
     */
    public static final Duration CPU_SAMPLE = Duration.ofMillis(200);

    private JvmScanner() {
    }

    /** Every JVM process jbound can see, by pid, except jbound itself. Cheap: no sampling. */
    public static List<FoundJvm> find() throws TargetException {
        long self = ProcessHandle.current().pid();
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path d : dirs) {
                long pid = pidOf(d.getFileName().toString());
                if (pid > 0 && pid != self) pids.add(pid);
            }
        } catch (IOException e) {
            throw new TargetException("cannot list processes: " + e.getMessage() + " (jbound needs Linux's /proc)");
        }
        pids.sort(null);
        Map<Integer, String> users = new HashMap<>();
        List<FoundJvm> jvms = new ArrayList<>();
        for (long pid : pids) {
            FoundJvm jvm = inspect(pid, users);
            if (jvm != null) jvms.add(jvm);
        }
        return jvms;
    }

    /** The JVMs with their version, uptime, threads and CPU use over {@code cpuSample}, measured for all at once. */
    public static JvmScan scan(Duration cpuSample) throws TargetException {
        Instant takenAt = Instant.now();
        dev.jbound.Timing.mark("scan-start");
        List<FoundJvm> jvms = find();
        dev.jbound.Timing.mark("scan-found");
        int n = jvms.size();
        long[] ticksBefore = new long[n];
        long[] nanosBefore = new long[n];
        for (int i = 0; i < n; i++) {
            TaskStat s = stat(jvms.get(i).pid());
            ticksBefore[i] = s == null ? -1 : s.cpuTicks();
            nanosBefore[i] = System.nanoTime();
        }
        // the versions are read while the CPU sample runs
        String[] versions = new String[n];
        for (int i = 0; i < n; i++) versions[i] = ticksBefore[i] < 0 ? "" : JvmVersion.of(jvms.get(i).pid());
        dev.jbound.Timing.mark("scan-versions");
        if (n > 0) sleepUntil(nanosBefore[0] + cpuSample.toNanos());
        List<JvmStatus> out = new ArrayList<>(n);
        double bootMillis = uptimeMillis();
        for (int i = 0; i < n; i++) {
            if (ticksBefore[i] < 0) continue;
            TaskStat s = stat(jvms.get(i).pid());
            long elapsed = System.nanoTime() - nanosBefore[i];
            if (s == null) continue; // exited during the sample
            double cpuPercent = 100.0 * (s.cpuTicks() - ticksBefore[i]) * TaskStat.MILLIS_PER_TICK * 1e6 / elapsed;
            long uptime = bootMillis <= 0 ? -1 : Math.max(0, Math.round(bootMillis - s.startTicks() * TaskStat.MILLIS_PER_TICK));
            out.add(new JvmStatus(jvms.get(i), versions[i], uptime, s.threads(), cpuPercent));
        }
        dev.jbound.Timing.mark("scan-sampled");
        return new JvmScan(takenAt, cpuSample, out);
    }

    /** A JVM, or null for any other process, one that exited, or one that says nothing. */
    private static FoundJvm inspect(long pid, Map<Integer, String> users) {
        try {
            List<String> cmd = ProcessFiles.commandLine(pid);
            if (cmd.isEmpty()) return null; // a kernel thread or a zombie
            boolean confirmed;
            try {
                if (!ProcessFiles.mapsJvm(pid)) return null;
                confirmed = true;
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                // another user's process (ptrace access is needed to read maps): judge by the command
                if (!looksLikeJava(pid, cmd)) return null;
                confirmed = false;
            }
            int uid = ProcessFiles.ownerUid(pid);
            String user = users.computeIfAbsent(uid, u -> ProcessFiles.userName(pid));
            return new FoundJvm(pid, uid, user, MainClass.of(cmd), confirmed, attachability(pid, uid, confirmed, cmd));
        } catch (IOException e) {
            return null; // exited while we looked, or /proc hides it
        }
    }

    private static Attachability attachability(long pid, int uid, boolean mapsReadable, List<String> cmd) {
        if (AttachChecks.otherUser(uid)) return Attachability.OTHER_USER;
        if (!mapsReadable) return Attachability.PERMISSION_DENIED;
        if (AttachChecks.attachDisabled(pid, cmd)) return Attachability.ATTACH_DISABLED;
        return Attachability.ATTACHABLE;
    }

    /** The launcher is named java (argv[0] or the kernel's comm); embedded JVMs without it cannot be told from outside. */
    static boolean looksLikeJava(long pid, List<String> cmd) {
        String argv0 = cmd.get(0);
        if (argv0.equals("java") || argv0.endsWith("/java")) return true;
        TaskStat s = stat(pid);
        return s != null && s.comm().equals("java");
    }

    private static TaskStat stat(long pid) {
        try {
            return TaskStat.parseProcess(Files.readString(ProcessFiles.dir(pid).resolve("stat"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Milliseconds since boot, from /proc/uptime ("12345.67 ..."); 0 when unreadable. */
    private static double uptimeMillis() {
        try {
            String s = Files.readString(Path.of("/proc/uptime"), StandardCharsets.ISO_8859_1);
            return Double.parseDouble(s.substring(0, s.indexOf(' '))) * 1000;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // measure over what elapsed
            }
        }
    }

    private static long pidOf(String name) {
        if (name.isEmpty() || name.length() > 18) return -1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') return -1;
        }
        return Long.parseLong(name);
    }
}
