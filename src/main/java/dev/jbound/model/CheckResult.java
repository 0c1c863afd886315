package dev.jbound.model;

import java.util.List;

/**
 * A report held to assertions: each one's outcome, with what was measured.
 *
 * @param report the report checked
 */
public record CheckResult(Report report, List<Outcome> outcomes) {

    /**
     * @param measured what the report shows, in the assertion's terms ("lock-bound", "23.4%")
     * @param message  one line saying what held or failed and by how much
     */
    public record Outcome(Assertion assertion, boolean passed, String measured, String message) {
    }

    public CheckResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean passed() {
        return outcomes.stream().allMatch(Outcome::passed);
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }
}
