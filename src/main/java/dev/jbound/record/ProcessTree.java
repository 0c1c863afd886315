package dev.jbound.record;

import dev.jbound.target.TaskStat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process and its descendants (a database's server and the backends it forks per connection),
 * and the CPU time they have used, from every /proc/PID/stat this user can read.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Clock ticks of user and system time used so far by {@code root} and all its descendants alive now; -1 when it is gone. */
    static long cpuTicks(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        String[] pids = new File("/proc").list((dir, name) -> !name.isEmpty() && Character.isDigit(name.charAt(0)));
        for (String p : pids == null ? new String[0] : pids) {
            try {
                String line = Files.readString(Path.of("/proc", p, "stat"));
                TaskStat stat = TaskStat.parse(line);
                long pid = Long.parseLong(p);
                ticks.put(pid, stat.utimeTicks() + stat.stimeTicks());
                children.computeIfAbsent(parentOf(line), k -> new ArrayList<>()).add(pid);
            } catch (IOException | RuntimeException e) {
                // gone meanwhile, or not a process's stat
            }
        }
        if (!ticks.containsKey(root)) return -1;
        long sum = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            sum += ticks.getOrDefault(pid, 0L);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum;
    }

    /** The ppid: the field after the state, past the comm's closing parenthesis. */
    static long parentOf(String statLine) {
        int close = statLine.lastIndexOf(')');
        String[] f = statLine.substring(close + 2).split(" ", 3);
        return Long.parseLong(f[1]);
    }
}
