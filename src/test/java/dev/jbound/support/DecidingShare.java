package dev.jbound.support;

import tools.jackson.databind.JsonNode;

/**
 * The share of active time that decides a report's class. On a shared machine a workload's threads
 * also queue behind neighbours; the verdict leaves that run-queue delay out (and notes it), so the
 * deciding share is of the rest.
 */
public final class DecidingShare {

    private DecidingShare() {
    }

    public static double of(JsonNode report, String state) {
        JsonNode states = report.get("breakdown").get("states");
        double active = report.get("breakdown").get("activeMs").asDouble();
        if (report.get("notes").toString().contains("other processes compete")) {
            active -= states.get("runqueue").get("ms").asDouble();
        }
        return active <= 0 ? 0 : states.get(state).get("ms").asDouble() / active;
    }
}
