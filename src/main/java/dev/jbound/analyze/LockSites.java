package dev.jbound.analyze;

import dev.jbound.model.LockEvent;
import dev.jbound.model.LockSite;
import dev.jbound.model.Recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

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

    /** @param siteOf the site of a contention event, or null for an event that is not contention */
    static List<LockSite> of(Recording rec, Function<LockEvent, String> siteOf, ThreadDump dump, int limit) {
        Map<String, Acc> byKey = new LinkedHashMap<>();
        for (LockEvent e : rec.lockEvents()) {
            String site = siteOf.apply(e);
            if (site == null) continue;
            Acc acc = byKey.computeIfAbsent(e.lockClass() + "\u0000" + site, k -> new Acc(e.lockClass(), site));
            acc.waitNanos += e.durationNanos();
            acc.events += e.count();
            acc.waiters.add(rec.thread(e.osTid()).name());
        }
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
