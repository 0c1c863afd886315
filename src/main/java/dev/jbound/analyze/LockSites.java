package dev.jbound.analyze;

import dev.jbound.model.LockEvent;
import dev.jbound.model.LockSite;
import dev.jbound.model.Recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Groups lock events by lock class and call site, and names the owner from a thread dump. */
final class LockSites {

    private static final class Acc {
        final String lockClass;
        final String site;
        long waitNanos;
        int events;
        final TreeSet<String> waiters = new TreeSet<>();

        Acc(String lockClass, String site) {
            this.lockClass = lockClass;
            this.site = site;
        }
    }

    private LockSites() {
    }

    /**
     * Locks the dump shows waited for that no contention event names: a recorder writes the event
     * when the wait ends, so a monitor held through the whole window (its waiters never got it)
     * has none, though it is the worst contention there is. Its wait is its waiters' lock time by
     * the samples; a waiter with none (it began waiting after the window) does not count.
     */
    private static void unended(ThreadDump dump, Map<String, Acc> byKey, Function<ThreadDump.Thread, String> siteOfWaiter,
                                ToLongFunction<String> lockNanos) {
        Set<String> named = new HashSet<>();
        byKey.values().forEach(a -> named.add(a.lockClass));
        for (ThreadDump.LockObject l : dump.contended()) {
            if (named.contains(l.lockClass())) continue;
            for (String waiter : l.waiters()) {
                long waited = lockNanos.applyAsLong(waiter);
                ThreadDump.Thread t = dump.named(waiter);
                if (waited <= 0 || t == null) continue;
                String found = siteOfWaiter.apply(t);
                String site = found == null ? "?" : found;
                Acc acc = byKey.computeIfAbsent(l.lockClass() + "\u0000" + site, k -> new Acc(l.lockClass(), site));
                acc.waitNanos += waited;
                acc.waiters.add(waiter);
            }
        }
    }

    /**
     * @param siteOf       the site of a contention event, or null for an event that is not contention
     * @param siteOfWaiter the site of a thread the dump shows waiting for a lock
     * @param lockNanos    how long the named thread waited for locks in the window, by its samples
     */
    static List<LockSite> of(Recording rec, Function<LockEvent, String> siteOf, ThreadDump dump,
                             Function<ThreadDump.Thread, String> siteOfWaiter, ToLongFunction<String> lockNanos, int limit) {
        Map<String, Acc> byKey = new LinkedHashMap<>();
        for (LockEvent e : rec.lockEvents()) {
            String site = siteOf.apply(e);
            if (site == null) continue;
            Acc acc = byKey.computeIfAbsent(e.lockClass() + "\u0000" + site, k -> new Acc(e.lockClass(), site));
            acc.waitNanos += e.durationNanos();
            acc.events += e.count();
            acc.waiters.add(rec.thread(e.osTid()).name());
        }
        if (dump != null) unended(dump, byKey, siteOfWaiter, lockNanos);
        List<LockSite> sites = new ArrayList<>();
        for (Acc a : byKey.values()) {
            ThreadDump.LockObject lock = dump == null ? null : dump.mostContended(a.lockClass);
            ThreadDump.Holder holder = lock == null ? null : lock.holder();
            sites.add(new LockSite(a.lockClass, a.site, a.waitNanos, a.events, List.copyOf(a.waiters),
                    holder == null ? null : holder.thread(), holder == null ? null : holder.topFrame()));
        }
        sites.sort(Comparator.comparingLong(LockSite::waitNanos).reversed().thenComparing(LockSite::site));
        return sites.size() > limit ? List.copyOf(sites.subList(0, limit)) : sites;
    }
}
