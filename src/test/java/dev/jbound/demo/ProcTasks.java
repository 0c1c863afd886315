package dev.jbound.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Test helper: per-thread name and CPU ticks (utime + stime) of a process, from /proc. */
record ProcTasks(Map<Long, String> names, Map<Long, Long> ticks, long nanoTime) {
    /** Linux reports /proc times in USER_HZ, which is 100 on every mainstream platform. */
    static final double TICKS_PER_SECOND = 100;

    static ProcTasks read(long pid) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after "(comm)": state is [0], utime [11], stime [12]
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long tid = Long.parseLong(task.getFileName().toString());
                    names.put(tid, comm);
                    ticks.put(tid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (NoSuchFileException e) {
                    // the thread ended between list and read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProcTasks(names, ticks, System.nanoTime());
    }

    /** Threads whose /proc comm (the Java name cut to 15 characters) starts with {@code prefix}. */
    long count(String prefix) {
        return names.values().stream().filter(n -> n.startsWith(prefix)).count();
    }

    /** CPU used since {@code earlier} by the matching threads, in cores (1.0 = one core busy). */
    double coresSince(ProcTasks earlier, Predicate<String> threadName) {
        long delta = 0;
        for (Map.Entry<Long, Long> e : ticks.entrySet()) {
            if (threadName.test(names.get(e.getKey()))) {
                delta += e.getValue() - earlier.ticks.getOrDefault(e.getKey(), 0L);
            }
        }
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        return delta / TICKS_PER_SECOND / seconds;
    }

    /** JVM garbage collector threads: Parallel/G1 workers, G1's own threads and the VM thread. */
    static boolean isGcThread(String name) {
        return name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread");
    }
}
