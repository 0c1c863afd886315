package dev.jbound.record;

import java.util.ArrayList;
import java.util.List;

/** Pure parsers for the cgroup files the CPU budget needs (v1 and v2), tested with sample text. */
final class CgroupText {

    /** A cgroup hierarchy mount: where it is mounted and which cgroup path its root is. */
    record Mount(String mountPoint, String root, boolean v2) {
    }

    /** Throttling counters from cpu.stat; nanos is -1 when the file has no throttled time. */
    record Throttle(long periods, long nanos) {
        static final Throttle UNKNOWN = new Throttle(-1, -1);
    }

    private CgroupText() {
    }

    /**
     * The target's cgroup path from /proc/PID/cgroup: the v2 line ("0::/path") when {@code v2},
     * else the v1 line whose controller list holds "cpu" ("4:cpu,cpuacct:/path"). Null if absent.
     */
    static String membership(String procPidCgroup, boolean v2) {
        for (String line : procPidCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            if (v2 && f[0].equals("0") && f[1].isEmpty()) return f[2].trim();
            if (!v2 && List.of(f[1].split(",")).contains("cpu")) return f[2].trim();
        }
        return null;
    }

    /** cgroup2 mounts and v1 mounts carrying the cpu controller, from /proc/PID/mountinfo. */
    static List<Mount> cpuMounts(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            // "id parent maj:min root mountpoint options [optional...] - fstype source superoptions"
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] left = line.substring(0, dash).split(" ");
            String[] right = line.substring(dash + 3).split(" ");
            if (left.length < 5 || right.length < 1) continue;
            String root = unescape(left[3]);
            String point = unescape(left[4]);
            if (right[0].equals("cgroup2")) {
                mounts.add(new Mount(point, root, true));
            } else if (right[0].equals("cgroup") && right.length >= 3
                    && List.of(right[2].split(",")).contains("cpu")) {
                mounts.add(new Mount(point, root, false));
            }
        }
        return mounts;
    }

    /** cgroup v2 cpu.max ("max 100000" or "150000 100000") as CPUs; NaN when unlimited. */
    static double cpuMax(String text) {
        String[] f = text.trim().split("\\s+");
        if (f[0].equals("max")) return Double.NaN;
        long period = f.length > 1 ? Long.parseLong(f[1]) : 100_000L; // the kernel's default period, us
        return (double) Long.parseLong(f[0]) / period;
    }

    /** cgroup v1 cpu.cfs_quota_us / cpu.cfs_period_us as CPUs; NaN when the quota is -1 (unlimited). */
    static double cfsQuota(String quotaUs, String periodUs) {
        long quota = Long.parseLong(quotaUs.trim());
        long period = Long.parseLong(periodUs.trim());
        return quota <= 0 || period <= 0 ? Double.NaN : (double) quota / period;
    }

    /** nr_throttled and throttled time from cpu.stat: throttled_usec (v2) or throttled_time in ns (v1). */
    static Throttle throttle(String cpuStat) {
        long periods = -1, nanos = -1;
        for (String line : cpuStat.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 2) continue;
            switch (f[0]) {
                case "nr_throttled" -> periods = Long.parseLong(f[1]);
                case "throttled_usec" -> nanos = Long.parseLong(f[1]) * 1_000L;
                case "throttled_time" -> nanos = Long.parseLong(f[1]);
                default -> { }
            }
        }
        return new Throttle(periods, nanos);
    }

    /** The directory of cgroup {@code path} under {@code mount}, or null when the path lies outside it. */
    static String directory(Mount mount, String path) {
        String root = mount.root().equals("/") ? "" : mount.root();
        if (!root.isEmpty() && !(path.equals(root) || path.startsWith(root + "/"))) return null;
        String relative = path.substring(root.length());
        return relative.isEmpty() || relative.equals("/") ? mount.mountPoint() : mount.mountPoint() + relative;
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
