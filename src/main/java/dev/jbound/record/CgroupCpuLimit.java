package dev.jbound.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tightest CFS quota on the way from a process's cgroup up to the hierarchy root, and the
 * cpu.stat file of the cgroup that imposes it (where its throttling is counted).
 *
 * @param quotaCpus quota in CPUs, NaN when no level limits the process
 * @param cpuStat   cpu.stat of the limiting cgroup (of the process's own cgroup when unlimited); null if none
 * @param note      why nothing could be found, empty otherwise
 */
record CgroupCpuLimit(double quotaCpus, Path cpuStat, String note) {

    static final CgroupCpuLimit NONE = new CgroupCpuLimit(Double.NaN, null, "");

    /**
     * @param procPidCgroup the target's /proc/PID/cgroup (paths relative to our cgroup namespace)
     * @param mountinfo     our own /proc/self/mountinfo: we reach the files through our mounts
     */
    static CgroupCpuLimit locate(String procPidCgroup, String mountinfo) {
        List<CgroupText.Mount> mounts = CgroupText.cpuMounts(mountinfo);
        // Hybrid hosts mount cgroup2 too, but the cpu controller lives where v1 put it.
        for (boolean v2 : new boolean[] {false, true}) {
            String path = CgroupText.membership(procPidCgroup, v2);
            if (path == null) continue;
            for (CgroupText.Mount mount : mounts) {
                if (mount.v2() != v2) continue;
                String dir = CgroupText.directory(mount, path);
                if (dir != null && Files.isDirectory(Path.of(dir))) return walk(Path.of(dir), Path.of(mount.mountPoint()), v2);
            }
        }
        return new CgroupCpuLimit(Double.NaN, null, "cgroup of the target not found under the cgroup mounts");
    }

    private static CgroupCpuLimit walk(Path leaf, Path top, boolean v2) {
        double tightest = Double.NaN;
        Path limiting = leaf;
        for (Path dir = leaf; dir != null && dir.startsWith(top); dir = dir.getParent()) {
            double quota = quotaAt(dir, v2);
            if (!Double.isNaN(quota) && (Double.isNaN(tightest) || quota < tightest)) {
                tightest = quota;
                limiting = dir;
            }
        }
        Path stat = limiting.resolve("cpu.stat");
        return new CgroupCpuLimit(tightest, Files.isReadable(stat) ? stat : null, "");
    }

    private static double quotaAt(Path dir, boolean v2) {
        try {
            if (v2) {
                Path max = dir.resolve("cpu.max"); // absent at the root: the root is never limited
                return Files.exists(max) ? CgroupText.cpuMax(read(max)) : Double.NaN;
            }
            Path quota = dir.resolve("cpu.cfs_quota_us");
            return Files.exists(quota) ? CgroupText.cfsQuota(read(quota), read(dir.resolve("cpu.cfs_period_us"))) : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Current throttling counters of the limiting cgroup, UNKNOWN when unreadable. */
    CgroupText.Throttle throttle() {
        if (cpuStat == null) return CgroupText.Throttle.UNKNOWN;
        try {
            return CgroupText.throttle(read(cpuStat));
        } catch (IOException | RuntimeException e) {
            return CgroupText.Throttle.UNKNOWN;
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.ISO_8859_1);
    }
}
