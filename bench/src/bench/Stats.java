package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers shared by the benchmarks: medians, process CPU from /proc, table printing. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> xs) {
        List<Double> v = new ArrayList<>();
        for (Double x : xs) if (x != null && !x.isNaN()) v.add(x);
        if (v.isEmpty()) return Double.NaN;
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static double min(List<Double> xs) {
        return xs.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> xs) {
        return xs.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** utime + stime + cutime + cstime of a process in nanoseconds (clock ticks of 10 ms). */
    static long procCpuNanos(String pid) {
        try {
            String s = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the comm field: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time the whole machine spent busy (all but idle and iowait), from /proc/stat, in nanoseconds. */
    static long machineBusyNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (!line.startsWith("cpu ")) continue;
                String[] f = line.trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i == 4 || i == 5) continue; // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
                return busy * 10_000_000L;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return 0;
    }

    static String f(double x, int decimals) {
        return Double.isNaN(x) ? "-" : String.format("%." + decimals + "f", x);
    }

    /** Prints rows as a Markdown table, columns padded. */
    static void table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], r[i].length());
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder sb = new StringBuilder("|");
            for (int i = 0; i < cols; i++) {
                String c = rows.get(k)[i];
                sb.append(' ').append(i == 0 ? pad(c, w[i]) : padLeft(c, w[i])).append(" |");
            }
            System.out.println(sb);
            if (k == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int i = 0; i < cols; i++) sep.append(i == 0 ? "-" : "").append("-".repeat(w[i] + (i == 0 ? 0 : 1))).append(i == 0 ? "-|" : ":|");
                System.out.println(sep);
            }
        }
        System.out.flush();
    }

    private static String pad(String s, int n) {
        return s + " ".repeat(n - s.length());
    }

    private static String padLeft(String s, int n) {
        return " ".repeat(n - s.length()) + s;
    }
}
