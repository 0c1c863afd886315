package dev.jbound.record;

import dev.jbound.target.JvmDescription;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetJvm;
import dev.jbound.target.TaskStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows the JVMs a launched command starts. They announce themselves by beginning to record
 * into jbound's private directory (so a JVM is found however deep in the process tree it is, and
 * even when a daemon leaves the tree); each is described while it runs, and the ones reported get
 * an OS sensor the moment they are seen.
 */
public final class LaunchedJvms implements AutoCloseable {

    /**
     * How often the directory is listed (a few microseconds each time). A JVM's first 50 ms are
     * not lost to its OS sensor, which counts from the JVM's start; only a JVM that ends sooner goes unwatched.
     */
    static final Duration DISCOVERY_INTERVAL = Duration.ofMillis(50);

    private final StartupRecorder recorder;
    private final Path dir;
    private final boolean followAll;
    private final Map<Long, Seen> seen = new LinkedHashMap<>(); // in the order they were found
    private final CountDownLatch stopDiscovery = new CountDownLatch(1);
    private final Thread discovery;
    private volatile List<RecordedJvm> finished;

    private static final class Seen {
        final TargetJvm target;
        final Instant started;
        final OsSensor sensor;

        Seen(TargetJvm target, Instant started, OsSensor sensor) {
            this.target = target;
            this.started = started;
            this.sensor = sensor;
        }
    }

    /** @param followAll report every JVM; otherwise only the first one the command started */
    public LaunchedJvms(StartupRecorder recorder, Path dir, boolean followAll) {
        this.recorder = recorder;
        this.dir = dir;
        this.followAll = followAll;
        this.discovery = new Thread(this::discoverLoop, "jbound-jvm-discovery");
        discovery.setDaemon(true);
    }

    public void start() {
        discovery.start();
    }

    private void discoverLoop() {
        try {
            do {
                discover();
            } while (!stopDiscovery.await(DISCOVERY_INTERVAL.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            // jbound is ending
        }
    }

    private synchronized void discover() {
        if (finished != null) return;
        List<Long> fresh = new ArrayList<>();
        for (long pid : recorder.recordingJvms(dir)) {
            if (!seen.containsKey(pid)) fresh.add(pid);
        }
        // Seen in the same listing: the one that started first is first.
        fresh.sort(Comparator.comparing((Long pid) -> startTime(pid)).thenComparing(pid -> pid));
        for (long pid : fresh) {
            boolean follow = followAll || seen.isEmpty();
            OsSensor sensor = follow ? OsSensor.startAtLaunch(pid) : null;
            seen.put(pid, new Seen(JvmDescription.of(pid), startTime(pid), sensor));
        }
    }

    private static Instant startTime(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(Instant.MAX);
    }

    /**
     * Ends recording: stops the recording of every JVM that still runs (it runs on), stops the OS
     * sensors, and returns every JVM seen, in the order they started (the process start time has
     * 10 ms resolution; ties go by pid). Called once.
     */
    public List<RecordedJvm> finish() {
        stopDiscovery.countDown();
        joinDiscovery();
        discover(); // the last JVMs to start may have begun since the last listing
        synchronized (this) {
            List<RecordedJvm> out = new ArrayList<>();
            List<Seen> inStartOrder = seen.values().stream()
                    .sorted(Comparator.comparing((Seen s) -> s.started).thenComparing(s -> s.target.pid())).toList();
            for (Seen s : inStartOrder) {
                long pid = s.target.pid();
                boolean running = isRunning(pid);
                String problem = null;
                if (running) {
                    try {
                        recorder.stop(pid, dir);
                    } catch (RecordingException e) {
                        problem = e.getMessage();
                    }
                }
                out.add(new RecordedJvm(s.target, recorder.recording(dir, pid), s.sensor == null ? null : s.sensor.stop(),
                        s.sensor != null, running, problem));
            }
            finished = List.copyOf(out);
            return finished;
        }
    }

    /**
     * Stops the recording of JVMs that began after {@link #finish} (the command went on past the
     * window) and still run, so that none is left recording once jbound is gone.
     */
    @Override
    public void close() {
        stopDiscovery.countDown();
        joinDiscovery();
        Set<Long> done;
        synchronized (this) {
            done = Set.copyOf(seen.keySet());
            for (Seen s : seen.values()) {
                if (s.sensor != null) s.sensor.stop();
            }
        }
        for (long pid : recorder.recordingJvms(dir)) {
            if (done.contains(pid) && finished != null) continue;
            if (!isRunning(pid)) continue;
            try {
                recorder.stop(pid, dir);
            } catch (RecordingException e) {
                // its own timeout stops it one window after it started
            }
        }
    }

    /**
     * The discovery thread ends at once when told to (it waits on the latch). An interrupt is not
     * passed on: the recordings are read next on this thread, and an interrupted read fails.
     */
    private void joinDiscovery() {
        while (discovery.isAlive()) {
            try {
                discovery.join();
            } catch (InterruptedException ignored) {
                // see above
            }
        }
    }

    /** Alive and not a zombie: Java calls an exited process alive until its parent reaps it. */
    private static boolean isRunning(long pid) {
        if (!ProcessIdentity.isAlive(pid)) return false;
        try {
            char state = TaskStat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).state();
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
