package dev.jbound.render;

import dev.jbound.model.Breakdown;
import dev.jbound.model.FrameCount;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import dev.jbound.model.LockSite;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import static dev.jbound.render.TerminalText.escape;

/** The human report: verdict first, its numbers, where the time goes, and what to do; one screen. */
public final class TextRenderer implements Renderer<Report> {

    private static final int BAR_WIDTH = 30;
    private static final int MAX_POOLS = 6;
    /** States under 5% of active time need no frames to explain them. */
    private static final double SIGNIFICANT_SHARE = 0.05;

    private final Style style;
    private final boolean unicode;

    public TextRenderer(boolean color, boolean unicode) {
        this.style = new Style(color);
        this.unicode = unicode;
    }

    @Override
    public void render(Report r, PrintWriter out) {
        header(r, out);
        verdict(r.verdict(), out);
        breakdown(r, out);
        phases(r, out);
        frames(r, out);
        ioTargets(r, out);
        locks(r.locks(), out);
        pools(r.pools(), out);
        jvm(r, out);
        strategy(r, out);
        for (String note : r.notes()) out.println(style.yellow("note: ") + escape(note));
    }

    private void header(Report r, PrintWriter out) {
        StringBuilder sb = new StringBuilder("jbound");
        if (r.target().pid() > 0) sb.append(" · pid ").append(r.target().pid());
        if (!r.target().mainClass().isBlank()) sb.append(" · ").append(escape(r.target().mainClass()));
        if (!r.target().jvmVersion().isBlank()) sb.append(" · JDK ").append(escape(r.target().jvmVersion()));
        sb.append(" · ").append(Units.seconds(r.window().durationNanos())).append(" window · ")
                .append(dev.jbound.model.CpuBudget.format(r.cores().effectiveCpus())).append(r.cores().effectiveCpus() == 1 ? " core" : " cores");
        if (r.cores().hasQuota()) sb.append(" (cgroup quota)");
        out.println(style.dim(sb.toString()));
    }

    private void verdict(Verdict v, PrintWriter out) {
        String secondary = v.secondary() == null ? "" : "; secondary: " + v.secondary().label();
        out.printf(Locale.US, "%s %s (%s confidence, %.2f): %s%s%n", style.bold("VERDICT"),
                style.bold(style.cyan(v.workloadClass().label())), v.confidenceLabel(), v.confidence(),
                v.evidence(), secondary);
        if (!v.basis().doubts().isEmpty()) {
            out.println(style.yellow("  why not surer: " + String.join("; ", v.basis().doubts())));
            if (v.basis().next() != null) out.println(style.yellow("  record next: " + v.basis().next()));
        }
        out.println();
    }

    private void breakdown(Report r, PrintWriter out) {
        Breakdown b = r.breakdown();
        for (ThreadState s : ThreadState.ACTIVE) {
            double share = b.shareOfActive(s);
            out.printf(Locale.US, "  %-9s %s %4s  %s%n", s.label(), bar(share), Units.percent(share),
                    style.dim(Units.seconds(b.nanos(s))));
        }
        out.printf(Locale.US, "  %-9s %s%n", "wait", style.dim(Units.seconds(b.nanos(ThreadState.WAIT))
                + " waiting for work (idle capacity, not counted above)"));
        var s = r.sampling();
        out.println(style.dim(String.format(Locale.US,
                "  %d active %s (%.1f busy on average%s), %d idle · %d cpu + %d wall samples, %d lock events%s",
                r.appThreads() - r.idleThreads(), r.appThreads() - r.idleThreads() == 1 ? "thread" : "threads",
                r.busyThreads(), Units.gcIncluded(r), r.idleThreads(), s.cpuSamples(), s.wallSamples(),
                s.lockEvents(), s.osSensor() ? " · OS sensor" : "")));
        out.println();
    }

    /** Only when the class changed within the window: when, and to what. */
    private void phases(Report r, PrintWriter out) {
        var p = r.phases();
        if (!p.changed()) return;
        StringBuilder sb = new StringBuilder(style.bold("PHASES") + " ");
        String arrow = unicode ? " → " : " -> ";
        for (int i = 0; i < p.phases().size(); i++) {
            var ph = p.phases().get(i);
            if (i > 0) sb.append(arrow);
            sb.append(style.cyan(ph.workloadClass().label())).append(' ')
                    .append(at(ph.offsetNanos())).append(unicode ? "–" : "-").append(at(ph.offsetNanos() + ph.lengthNanos())).append(" s");
        }
        out.println(sb);
        for (int i = 1; i < p.phases().size(); i++) {
            var before = p.phases().get(i - 1);
            var ph = p.phases().get(i);
            out.printf(Locale.US, "  at %s s the workload turned from %s to %s%n", at(ph.offsetNanos()),
                    before.workloadClass().label(), ph.workloadClass().label());
        }
        out.println();
    }

    /** Seconds into the window, to a tenth. */
    private static String at(long nanos) {
        return String.format(Locale.US, "%.1f", nanos / 1e9);
    }

    private void frames(Report r, PrintWriter out) {
        boolean any = false;
        for (ThreadState s : ThreadState.ACTIVE) {
            List<FrameCount> top = r.topFrames().getOrDefault(s, List.of());
            if (top.isEmpty() || r.breakdown().shareOfActive(s) < SIGNIFICANT_SHARE) continue;
            if (!any) out.println(style.bold("WHERE THE TIME GOES"));
            any = true;
            long total = top.stream().mapToLong(FrameCount::nanos).sum();
            for (int i = 0; i < top.size(); i++) {
                FrameCount f = top.get(i);
                out.printf(Locale.US, "  %-8s %4s  %s%n", i == 0 ? s.label() : "",
                        Units.percent(total == 0 ? 0 : (double) f.nanos() / total), escape(f.frame()));
            }
        }
        if (any) out.println();
    }

    /** What the I/O time waited on, when I/O is worth naming: endpoints with their connections and local process, files. */
    private void ioTargets(Report r, PrintWriter out) {
        List<IoShare> targets = r.io().targets();
        if (targets.isEmpty() || r.breakdown().shareOfActive(ThreadState.IO) < SIGNIFICANT_SHARE) return;
        out.println(style.bold("I/O WAITS ON"));
        for (IoShare s : targets) {
            out.printf(Locale.US, "  %4s  %6s  %s%s%n", Units.percent(s.shareOfIo()), Units.seconds(s.nanos()),
                    escape(s.target().name()), style.dim(ioDetail(s, r.target().pid())));
        }
        out.println();
    }

    private static String ioDetail(IoShare s, long self) {
        StringBuilder sb = new StringBuilder();
        sb.append(" · ").append(s.threads()).append(s.threads() == 1 ? " thread" : " threads");
        if (s.endpoint() != null) {
            sb.append(", ").append(s.endpoint().connections()).append(s.endpoint().connections() == 1 ? " connection" : " connections");
            if (s.endpoint().pid() == self) sb.append(" · served by this JVM itself");
            else if (s.endpoint().pid() > 0) sb.append(" · on this machine: ").append(escape(s.endpoint().local()));
        } else if (s.target().kind() != IoTarget.Kind.UNSEEN) {
            sb.append(" (").append(s.target().kind().label()).append(')');
        }
        return sb.toString();
    }

    /** Only the contended-locks section, for the shell's {@code locks}; nothing when no lock was contended. */
    public void renderLocks(Report r, PrintWriter out) {
        locks(r.locks(), out);
        out.flush();
    }

    private void locks(List<LockSite> locks, PrintWriter out) {
        if (locks.isEmpty()) return;
        out.println(style.bold("CONTENDED LOCKS"));
        for (LockSite l : locks.subList(0, Math.min(3, locks.size()))) {
            if (l.events() > 0) {
                out.printf(Locale.US, "  %s at %s: %s waited, %d events, %d waiters%n", escape(l.lockClass()),
                        escape(l.site()), Units.seconds(l.waitNanos()), l.events(), l.waiters().size());
            } else {
                // named by the thread dump alone: its waiters were still waiting when the window ended
                out.printf(Locale.US, "  %s at %s: %s waited, no wait ended in the window, %d waiters%n", escape(l.lockClass()),
                        escape(l.site()), Units.seconds(l.waitNanos()), l.waiters().size());
            }
            if (l.owner() != null) {
                out.printf("      held by %s in %s%n", escape(l.owner()), escape(l.ownerFrame()));
            }
        }
        out.println();
    }

    private void pools(List<PoolRow> pools, PrintWriter out) {
        List<PoolRow> shown = pools.stream().filter(p -> p.activeThreads() > 0 || p.threads() >= 4).limit(MAX_POOLS).toList();
        if (shown.isEmpty()) return;
        out.println(style.bold("POOLS"));
        for (PoolRow p : shown) {
            String size = p.strategy().poolSize() == null ? "" : " · advice: " + p.strategy().poolSize() + " threads";
            if (!p.ioTargets().isEmpty() && p.breakdown().shareOfActive(ThreadState.IO) >= SIGNIFICANT_SHARE) {
                size += " · waits on " + escape(trim(p.ioTargets().get(0).target().name(), 40));
            }
            out.printf(Locale.US, "  %-28s %3d %-7s (%d active)  %-13s %s%s%n", escape(trim(p.name(), 28)),
                    p.threads(), p.threads() == 1 ? "thread" : "threads", p.activeThreads(), p.verdict().workloadClass().label(), shares(p.breakdown()), size);
        }
        out.println();
    }

    private void jvm(Report r, PrintWriter out) {
        var j = r.jvm();
        out.printf(Locale.US, "%s gc %s CPU (%s of the process), jit %s, other %s%n", style.bold("JVM OVERHEAD"),
                Units.seconds(j.gcCpuNanos()), Units.percent(j.gcShareOfCpu()), Units.seconds(j.jitCpuNanos()),
                Units.seconds(j.otherCpuNanos()));
        if (r.io().readBytes() >= 0) {
            out.printf("%s read %s, wrote %s (storage)%n", style.bold("I/O"), Units.bytes(r.io().readBytes()),
                    Units.bytes(r.io().writeBytes()));
        }
        out.println();
    }

    private void strategy(Report r, PrintWriter out) {
        out.println(style.bold("STRATEGY") + " " + style.green(r.verdict().workloadClass().label() + ": "
                + escape(r.strategy().headline())));
        for (String a : r.strategy().advice()) out.println("  - " + escape(a));
        if (r.strategy().poolSizeFormula() != null) out.println("  " + style.dim(r.strategy().poolSizeFormula()));
    }

    private String shares(Breakdown b) {
        StringBuilder sb = new StringBuilder();
        for (ThreadState s : ThreadState.ACTIVE) {
            double share = b.shareOfActive(s);
            if (share >= 0.05) sb.append(s.label()).append(' ').append(Units.percent(share)).append("  ");
        }
        return sb.toString().strip();
    }

    private String bar(double share) {
        int full = (int) Math.round(share * BAR_WIDTH);
        String on = unicode ? "█" : "#";
        String off = unicode ? "░" : ".";
        return on.repeat(full) + style.dim(off.repeat(BAR_WIDTH - full));
    }

    private static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
