package dev.jbound.analyze;

import dev.jbound.model.Assertion;
import dev.jbound.model.CheckResult;
import dev.jbound.model.Report;

import java.util.ArrayList;
import java.util.List;

/** Holds a report to assertions: the verdict's class, and states' shares of active time as the report shows them. */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(Report report, List<Assertion> assertions) {
        List<CheckResult.Outcome> outcomes = new ArrayList<>();
        for (Assertion a : assertions) outcomes.add(evaluate(report, a));
        return new CheckResult(report, outcomes);
    }

    private static CheckResult.Outcome evaluate(Report r, Assertion a) {
        if (a instanceof Assertion.Expect e) {
            String actual = r.verdict().workloadClass().label();
            boolean ok = e.classes().contains(r.verdict().workloadClass());
            String msg = ok ? "verdict " + actual + ", as expected"
                    : "verdict is " + actual + ", expected " + String.join(" or ", e.classes().stream().map(c -> c.label()).toList())
                    + " (" + r.verdict().evidence() + ")";
            return new CheckResult.Outcome(a, ok, actual, msg);
        }
        Assertion.Share s = (Assertion.Share) a;
        double share = r.breakdown().shareOfActive(s.state());
        // compared at the precision the report prints (0.1%), so a bound of 10% passes at 10.0%
        double shown = Math.round(share * 1000) / 1000.0;
        boolean ok = s.max() ? shown <= s.bound() : shown >= s.bound();
        String measured = Assertion.percent(shown);
        String msg = s.state().label() + " is " + measured + " of active time, "
                + (ok ? (s.max() ? "within the maximum " : "above the minimum ") : (s.max() ? "above the maximum " : "below the minimum "))
                + Assertion.percent(s.bound());
        return new CheckResult.Outcome(a, ok, measured, msg);
    }
}
