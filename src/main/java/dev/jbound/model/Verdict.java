package dev.jbound.model;

/**
 * The classifier's answer: one primary class, how sure it is (0..1 with a label), the evidence
 * that decided it in words, and a secondary class where one is honest (else null).
 */
public record Verdict(WorkloadClass workloadClass, double confidence, String evidence, WorkloadClass secondary) {

    public String confidenceLabel() {
        return confidence >= 0.7 ? "high" : confidence >= 0.45 ? "medium" : "low";
    }
}
