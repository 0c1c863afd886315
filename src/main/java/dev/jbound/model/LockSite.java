package dev.jbound.model;

import java.util.List;

/**
 * A contended lock: its class, where threads waited for it, how long in total, who waited and,
 * where a thread dump taken during the window shows it, who held it and what the holder was doing.
 */
public record LockSite(String lockClass, String site, long waitNanos, int events, List<String> waiters,
                       String owner, String ownerFrame) {
    public LockSite {
        waiters = List.copyOf(waiters);
    }
}
