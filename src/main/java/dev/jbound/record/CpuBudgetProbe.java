package dev.jbound.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads how many CPUs a process may use: machine, affinity mask and cgroup CFS quota. */
final class CpuBudgetProbe {

    private CpuBudgetProbe() {
    }

    /**
     * CPUs online on the machine. Not Runtime.availableProcessors(): that is this JVM's own
     * affinity and container limit, not the machine's nor the target's.
     */
    static int machineCpus() {
        try {
            int n = CpuList.count(read(Path.of("/sys/devices/system/cpu/online")));
            if (n > 0) return n;
        } catch (IOException | RuntimeException e) {
            // no sysfs: fall back to what this JVM sees
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** CPUs in the target's affinity mask, -1 when /proc/PID/status is unreadable. */
    static int affinityCpus(long pid) {
        try {
            String list = CpuList.allowedListFromStatus(read(Path.of("/proc/" + pid + "/status")));
            return list == null ? -1 : CpuList.count(list);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static CgroupCpuLimit cgroupLimit(long pid) {
        try {
            return CgroupCpuLimit.locate(read(Path.of("/proc/" + pid + "/cgroup")), read(Path.of("/proc/self/mountinfo")));
        } catch (IOException | RuntimeException e) {
            return new CgroupCpuLimit(Double.NaN, null, "cgroup unreadable: " + e.getMessage());
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }
}
