package dev.jbound.record;

/** The kernel's CPU list format ("0-3,8,10-11"), used by Cpus_allowed_list and cpu/online. */
final class CpuList {

    private CpuList() {
    }

    /** How many CPUs the list names; 0 for an empty list. */
    static int count(String list) {
        int count = 0;
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) continue;
            int dash = part.indexOf('-');
            if (dash < 0) {
                Integer.parseInt(part.trim());
                count++;
            } else {
                int from = Integer.parseInt(part.substring(0, dash).trim());
                int to = Integer.parseInt(part.substring(dash + 1).trim());
                if (to < from) throw new IllegalArgumentException("bad cpu range: " + part);
                count += to - from + 1;
            }
        }
        return count;
    }

    /** The Cpus_allowed_list value from /proc/PID/status, or null when the line is missing. */
    static String allowedListFromStatus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) return line.substring("Cpus_allowed_list:".length()).trim();
        }
        return null;
    }
}
