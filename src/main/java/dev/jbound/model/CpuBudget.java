package dev.jbound.model;

/**
 * How many CPUs the target may really use, and whether its cgroup throttled it in the window.
 *
 * @param machineCpus     CPUs online on the machine
 * @param affinityCpus    CPUs in the target's affinity mask (Cpus_allowed_list), or -1 when unreadable
 * @param quotaCpus       tightest CFS quota on the path from the target's cgroup to the root, in CPUs
 *                        (quota / period); {@link Double#NaN} when unlimited or unreadable
 * @param effectiveCpus   the smallest of machine, affinity and quota
 * @param throttledPeriods CFS periods in which the limiting cgroup was throttled during the window (-1: unknown)
 * @param throttledNanos   time the limiting cgroup was throttled during the window, ns (-1: unknown)
 */
public record CpuBudget(int machineCpus, int affinityCpus, double quotaCpus, double effectiveCpus,
                        long throttledPeriods, long throttledNanos) {

    public static CpuBudget of(int machineCpus, int affinityCpus, double quotaCpus,
                               long throttledPeriods, long throttledNanos) {
        double effective = machineCpus;
        if (affinityCpus > 0) effective = Math.min(effective, affinityCpus);
        if (!Double.isNaN(quotaCpus) && quotaCpus > 0) effective = Math.min(effective, quotaCpus);
        return new CpuBudget(machineCpus, affinityCpus, quotaCpus, effective, throttledPeriods, throttledNanos);
    }

    /** "2" for whole CPUs, "0.5" for a fraction; locale-independent. */
    public static String format(double cpus) {
        return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : String.format(java.util.Locale.US, "%.1f", cpus);
    }

    public boolean hasQuota() {
        return !Double.isNaN(quotaCpus);
    }

    /** True when the CFS quota held the target back at least once in the window. */
    public boolean throttled() {
        return throttledPeriods > 0 || throttledNanos > 0;
    }
}
