package dev.jbound.model;

import java.util.List;

/**
 * What to do about a verdict. {@code poolSize} is a concrete recommendation where one applies
 * (else null) and {@code poolSizeFormula} shows how it was computed from measured numbers.
 */
public record Strategy(String headline, List<String> advice, Integer poolSize, String poolSizeFormula) {
    public Strategy {
        advice = List.copyOf(advice);
    }
}
