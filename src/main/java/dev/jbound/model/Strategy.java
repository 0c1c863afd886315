package dev.jbound.model;

import java.util.List;

/**
 * What to do about a verdict. {@code poolSize} is a concrete recommendation where one applies
 * (else null), {@code poolSizeFormula} shows how it was computed from measured numbers, and
 * {@code prediction} what it should do to throughput (null where nothing is predicted).
 */
public record Strategy(String headline, List<String> advice, Integer poolSize, String poolSizeFormula, Prediction prediction) {
    public Strategy {
        advice = List.copyOf(advice);
    }

    public Strategy(String headline, List<String> advice, Integer poolSize, String poolSizeFormula) {
        this(headline, advice, poolSize, poolSizeFormula, null);
    }
}
