package dev.jbound.model;

import java.util.Map;

/**
 * The samples as collapsed stacks ({@code root;...;leaf} → microseconds) for two flame graphs:
 * where the CPU time went, and where threads were blocked (io and lock), each rooted at the
 * thread's pool so that one pool's waits stand apart from another's.
 */
public record FlameProfile(Map<String, Long> cpu, Map<String, Long> blocked) {
    public FlameProfile {
        cpu = Map.copyOf(cpu);
        blocked = Map.copyOf(blocked);
    }
}
