package dev.jbound.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing {@code jbound check} holds a report to: the verdict is one of some classes, or a
 * state's share of active time is at most or at least a bound. Parsed from the command line
 * ({@code io-bound,mixed}, {@code lock=10%}); a bad one is an {@link IllegalArgumentException}
 * whose message says what is wrong and what would be right.
 */
public sealed interface Assertion {

    /** The assertion as the user wrote it, normalised: "verdict in io-bound, mixed", "lock ≤ 10%". */
    String describe();

    /** The verdict's class is one of {@code classes}. */
    record Expect(List<WorkloadClass> classes) implements Assertion {
        public Expect {
            classes = List.copyOf(classes);
        }

        @Override
        public String describe() {
            return "verdict is " + String.join(" or ", classes.stream().map(WorkloadClass::label).toList());
        }
    }

    /** {@code state}'s share of active time is at most ({@code max}) or at least the bound, a fraction 0–1. */
    record Share(ThreadState state, boolean max, double bound) implements Assertion {
        @Override
        public String describe() {
            return state.label() + (max ? " ≤ " : " ≥ ") + percent(bound);
        }
    }

    Pattern SHARE = Pattern.compile("\\s*([a-z]+)\\s*=\\s*([^%\\s]+)\\s*(%?)\\s*");

    /** {@code io-bound,mixed} */
    static Expect expect(String spec) {
        List<WorkloadClass> classes = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            String label = part.trim();
            if (label.isEmpty()) continue;
            classes.add(WorkloadClass.fromLabel(label));
        }
        if (classes.isEmpty()) throw new IllegalArgumentException("--expect needs a class, e.g. --expect io-bound,mixed");
        return new Expect(classes);
    }

    /** {@code lock=10%} or {@code lock=10}: a percentage of active time, 0 to 100. */
    static Share share(String spec, boolean max) {
        String option = max ? "--max" : "--min";
        Matcher m = SHARE.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + spec + "' is not STATE=PERCENT; write e.g. " + option + " lock=10%");
        }
        ThreadState state;
        try {
            state = ThreadState.fromLabel(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + spec + "': unknown state '" + m.group(1)
                    + "' (one of cpu, runqueue, io, lock, gc)");
        }
        if (state == ThreadState.WAIT) {
            throw new IllegalArgumentException(option + " '" + spec + "': wait is idle capacity, not a share of active time;"
                    + " bound cpu, runqueue, io, lock or gc");
        }
        double percent;
        try {
            percent = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + spec + "': '" + m.group(2) + "' is not a number; write e.g. "
                    + option + " " + m.group(1) + "=10%");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(option + " '" + spec + "': " + m.group(2) + "% is outside 0–100%");
        }
        return new Share(state, max, percent / 100);
    }

    static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.format(Locale.US, "%.0f", p) : String.format(Locale.US, "%.1f", p)) + "%";
    }
}
