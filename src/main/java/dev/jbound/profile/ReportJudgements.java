package dev.jbound.profile;

import dev.jbound.analyze.Checker;
import dev.jbound.analyze.ReportComparison;
import dev.jbound.model.Assertion;
import dev.jbound.model.CheckResult;
import dev.jbound.model.Report;
import dev.jbound.model.ReportDiff;
import dev.jbound.model.ReportSummary;

import java.util.List;

/**
 * What commands ask of reports already made: whether one meets a pipeline's assertions
 * ({@code check}), and how two differ ({@code diff}). The commands reach analysis only through
 * this package, so the rules stay in one place behind it.
 */
public final class ReportJudgements {

    private ReportJudgements() {
    }

    public static CheckResult check(Report report, List<Assertion> assertions) {
        return Checker.check(report, assertions);
    }

    /** @param thresholdPoints how many percentage points a state's share must move to count as changed */
    public static ReportDiff compare(ReportSummary before, ReportSummary after, double thresholdPoints) {
        return ReportComparison.compare(before, after, thresholdPoints);
    }
}
