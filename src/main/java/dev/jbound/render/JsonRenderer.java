package dev.jbound.render;

import dev.jbound.model.ThreadInfo;
import dev.jbound.model.Breakdown;
import dev.jbound.model.FrameCount;
import dev.jbound.model.LockSite;
import dev.jbound.model.IoShare;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Phases;
import dev.jbound.model.Report;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * One JSON document per report (schema in the README). Field names are written out here rather
 * than derived from the records, so renaming Java code cannot silently change the schema.
 */
public final class JsonRenderer implements Renderer<Report> {


    @Override
    public void render(Report r, PrintWriter out) {
        out.println(JsonTrees.pretty(toJson(r)));
    }

    static ObjectNode toJson(Report r) {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", Report.SCHEMA_VERSION);
        ObjectNode target = root.putObject("target");
        target.put("pid", r.target().pid());
        target.put("mainClass", r.target().mainClass());
        target.put("jvmVersion", r.target().jvmVersion());
        ObjectNode window = root.putObject("window");
        window.put("start", Instant.ofEpochMilli(r.window().startEpochMillis()).toString());
        window.put("durationMs", ms(r.window().durationNanos()));
        var s = r.sampling();
        ObjectNode sampling = root.putObject("sampling");
        sampling.put("recorder", s.recorder());
        sampling.put("cpuIntervalMs", ms(s.cpuIntervalNanos()));
        sampling.put("wallIntervalMs", ms(s.wallIntervalNanos()));
        sampling.put("cpuSamples", s.cpuSamples());
        sampling.put("wallSamples", s.wallSamples());
        sampling.put("lockEvents", s.lockEvents());
        sampling.put("osSensor", s.osSensor());
        var c = r.cores();
        ObjectNode cores = root.putObject("cores");
        cores.put("effective", c.effectiveCpus());
        cores.put("machine", c.machineCpus());
        cores.put("affinity", c.affinityCpus());
        if (c.hasQuota()) cores.put("quota", c.quotaCpus()); else cores.putNull("quota");
        cores.put("throttled", c.throttled());
        ObjectNode breakdown = breakdown(root.putObject("breakdown"), r.breakdown());
        breakdown.put("busyThreads", round(r.busyThreads(), 2));
        breakdown.put("activeThreads", r.appThreads() - r.idleThreads());
        breakdown.put("idleThreads", r.idleThreads());
        ObjectNode verdict = root.putObject("verdict");
        verdict(verdict, r.verdict());
        basis(verdict.putObject("basis"), r.verdict().basis());
        strategy(root.putObject("strategy"), r.strategy());
        ObjectNode top = root.putObject("topFrames");
        for (ThreadState st : ThreadState.values()) {
            List<FrameCount> frames = r.topFrames().get(st);
            if (frames == null) continue;
            ArrayNode arr = top.putArray(st.label());
            for (FrameCount f : frames) {
                ObjectNode o = arr.addObject();
                o.put("frame", f.frame());
                o.put("ms", ms(f.nanos()));
                o.put("samples", f.samples());
            }
        }
        ArrayNode locks = root.putArray("locks");
        for (LockSite l : r.locks()) {
            ObjectNode o = locks.addObject();
            o.put("lockClass", l.lockClass());
            o.put("site", l.site());
            o.put("waitMs", ms(l.waitNanos()));
            o.put("events", l.events());
            ArrayNode w = o.putArray("waiters");
            l.waiters().forEach(w::add);
            o.put("owner", l.owner());
            o.put("ownerFrame", l.ownerFrame());
        }
        ArrayNode pools = root.putArray("pools");
        for (PoolRow p : r.pools()) {
            ObjectNode o = pools.addObject();
            o.put("name", p.name());
            o.put("threads", p.threads());
            o.put("activeThreads", p.activeThreads());
            breakdown(o.putObject("breakdown"), p.breakdown());
            verdict(o.putObject("verdict"), p.verdict());
            strategy(o.putObject("strategy"), p.strategy());
            ioTargets(o.putArray("ioTargets"), p.ioTargets());
        }
        ArrayNode threads = root.putArray("threads");
        for (ThreadRow t : r.threads()) {
            ObjectNode o = threads.addObject();
            // a virtual thread has no OS thread id
            if (ThreadInfo.isVirtual(t.osTid())) o.putNull("tid");
            else o.put("tid", t.osTid());
            o.put("virtual", ThreadInfo.isVirtual(t.osTid()));
            o.put("name", t.name());
            o.put("pool", t.pool());
            o.put("kind", t.kind().label());
            o.put("idle", t.idle());
            o.put("state", t.mainState().label());
            o.put("cpuMs", ms(t.cpuNanos()));
            o.put("topFrame", t.topFrame());
            o.put("samples", t.samples());
            o.put("ioTarget", t.ioTarget());
            ObjectNode ms = o.putObject("ms");
            for (ThreadState st : ThreadState.values()) ms.put(st.label(), ms(t.breakdown().nanos(st)));
        }
        var j = r.jvm();
        ObjectNode jvm = root.putObject("jvm");
        jvm.put("gcCpuMs", ms(j.gcCpuNanos()));
        jvm.put("jitCpuMs", ms(j.jitCpuNanos()));
        jvm.put("otherCpuMs", ms(j.otherCpuNanos()));
        jvm.put("appCpuMs", ms(j.appCpuNanos()));
        jvm.put("gcShareOfCpu", round(j.gcShareOfCpu(), 4));
        ObjectNode io = root.putObject("io");
        io.put("readBytes", r.io().readBytes());
        io.put("writeBytes", r.io().writeBytes());
        ioTargets(io.putArray("targets"), r.io().targets());
        timeline(root.putObject("timeline"), r.phases());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    /** The window slice by slice, its phases, and a lane of main states per active thread. */
    private static void timeline(ObjectNode o, Phases p) {
        o.put("sliceMs", ms(p.sliceNanos()));
        ArrayNode slices = o.putArray("slices");
        for (Phases.Slice s : p.slices()) {
            ObjectNode n = slices.addObject();
            n.put("startMs", ms(s.offsetNanos()));
            n.put("lengthMs", ms(s.lengthNanos()));
            n.put("class", s.workloadClass().label());
            ObjectNode shares = n.putObject("shareOfActive");
            for (ThreadState st : ThreadState.ACTIVE) {
                shares.put(st.label(), round(s.breakdown().shareOfActive(st), 4));
            }
            n.put("activeMs", ms(s.breakdown().activeNanos()));
        }
        ArrayNode phases = o.putArray("phases");
        for (Phases.Phase ph : p.phases()) {
            ObjectNode n = phases.addObject();
            n.put("startMs", ms(ph.offsetNanos()));
            n.put("lengthMs", ms(ph.lengthNanos()));
            n.put("class", ph.workloadClass().label());
        }
        ArrayNode lanes = o.putArray("lanes");
        for (Phases.Lane l : p.lanes()) {
            ObjectNode n = lanes.addObject();
            if (ThreadInfo.isVirtual(l.osTid())) n.putNull("tid"); else n.put("tid", l.osTid());
            n.put("name", l.name());
            n.put("states", LaneLetters.of(l.states()));
        }
    }

    private static ObjectNode breakdown(ObjectNode o, Breakdown b) {
        o.put("activeMs", ms(b.activeNanos()));
        ObjectNode states = o.putObject("states");
        for (ThreadState s : ThreadState.values()) {
            ObjectNode st = states.putObject(s.label());
            st.put("ms", ms(b.nanos(s)));
            st.put("shareOfActive", round(b.shareOfActive(s), 4));
            st.put("shareOfTotal", round(b.shareOfTotal(s), 4));
        }
        return o;
    }

    private static void verdict(ObjectNode o, Verdict v) {
        o.put("class", v.workloadClass().label());
        o.put("confidence", round(v.confidence(), 2));
        o.put("confidenceLabel", v.confidenceLabel());
        o.put("evidence", v.evidence());
        if (v.secondary() == null) o.putNull("secondary"); else o.put("secondary", v.secondary().label());
    }

    private static void ioTargets(ArrayNode a, List<IoShare> targets) {
        for (IoShare s : targets) {
            ObjectNode o = a.addObject();
            o.put("kind", s.target().kind().label());
            o.put("name", s.target().name());
            o.put("ms", ms(s.nanos()));
            o.put("shareOfIo", round(s.shareOfIo(), 4));
            o.put("threads", s.threads());
            if (s.endpoint() == null) {
                o.putNull("connections");
                o.putNull("localPid");
                o.putNull("localProcess");
            } else {
                o.put("connections", s.endpoint().connections());
                if (s.endpoint().pid() > 0) o.put("localPid", s.endpoint().pid()); else o.putNull("localPid");
                if (s.endpoint().pid() > 0) o.put("localProcess", s.endpoint().process()); else o.putNull("localProcess");
            }
        }
    }

    private static void basis(ObjectNode o, Verdict.Basis b) {
        o.put("coverage", round(b.coverage(), 2));
        o.put("samples", b.samples());
        o.put("activeThreadSeconds", round(b.activeThreadSeconds(), 2));
        o.put("cpuTime", b.cpu().label());
        if (Double.isNaN(b.agreement())) o.putNull("agreement"); else o.put("agreement", round(b.agreement(), 2));
        ArrayNode doubts = o.putArray("doubts");
        b.doubts().forEach(doubts::add);
        if (b.next() == null) o.putNull("next"); else o.put("next", b.next());
    }

    private static void strategy(ObjectNode o, Strategy s) {
        o.put("headline", s.headline());
        ArrayNode advice = o.putArray("advice");
        s.advice().forEach(advice::add);
        if (s.poolSize() == null) o.putNull("poolSize"); else o.put("poolSize", s.poolSize());
        if (s.prediction() == null) {
            o.putNull("prediction");
        } else {
            ObjectNode p = o.putObject("prediction");
            p.put("atThreads", s.prediction().atThreads());
            p.put("throughputRatio", round(s.prediction().throughputRatio(), 2));
            if (Double.isNaN(s.prediction().throughputPerSecond())) p.putNull("throughputPerSecond");
            else p.put("throughputPerSecond", round(s.prediction().throughputPerSecond(), 1));
            p.put("assumption", s.prediction().assumption());
        }
        o.put("poolSizeFormula", s.poolSizeFormula());
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 1);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
