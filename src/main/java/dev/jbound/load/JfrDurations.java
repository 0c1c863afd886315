package dev.jbound.load;

import java.util.Locale;

/** Reads the JDK's setting values for periods and thresholds ("20 ms", "10 s", "0 ns", "everyChunk"). */
final class JfrDurations {

    private JfrDurations() {
    }

    /** Nanoseconds, or -1 when the value is not a duration (e.g. "everyChunk", "off"). */
    static long parse(String value) {
        if (value == null) return -1;
        String v = value.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) i++;
        if (i == 0) return -1;
        double n;
        try {
            n = Double.parseDouble(v.substring(0, i));
        } catch (NumberFormatException e) {
            return -1;
        }
        double unit = switch (v.substring(i).trim()) {
            case "", "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
            default -> -1;
        };
        return unit < 0 ? -1 : Math.round(n * unit);
    }
}
