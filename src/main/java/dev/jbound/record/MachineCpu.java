package dev.jbound.record;

import dev.jbound.target.TaskStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from the first line of /proc/stat, in clock ticks: how busy every
 * core was, whoever used it. "cpu  user nice system idle iowait irq softirq steal ...": busy is
 * all but idle and iowait.
 */
record MachineCpu(long busyTicks, long totalTicks) {

    static final MachineCpu UNKNOWN = new MachineCpu(-1, -1);

    static MachineCpu read() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    static MachineCpu parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu")) throw new IllegalArgumentException("not the total cpu line: " + cpuLine);
        long total = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) { // guest time is already in user
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) idle += v;
        }
        return new MachineCpu(total - idle, total);
    }

    /** Cores busy on average between {@code start} and this reading over {@code nanos}; -1 when unknown. */
    double busyCoresSince(MachineCpu start, long nanos) {
        if (busyTicks < 0 || start.busyTicks < 0 || nanos <= 0 || busyTicks < start.busyTicks) return -1;
        return (busyTicks - start.busyTicks) * TaskStat.NANOS_PER_TICK / (double) nanos;
    }
}
