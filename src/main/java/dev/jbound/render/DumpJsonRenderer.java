package dev.jbound.render;

import dev.jbound.model.ThreadSnapshot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Instant;

/** {@code jbound dump --format json}: schema in schema/jbound.schema.json ($defs/dump) and the README. */
public final class DumpJsonRenderer implements Renderer<ThreadSnapshot> {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void render(ThreadSnapshot s, PrintWriter out) {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "dump");
        ObjectNode target = root.putObject("target");
        target.put("pid", s.target().pid());
        target.put("mainClass", s.target().mainClass());
        target.put("jvmVersion", s.target().jvmVersion());
        root.put("takenAt", Instant.ofEpochMilli(s.takenAtMillis()).toString());
        ArrayNode deadlocks = root.putArray("deadlocks");
        for (ThreadSnapshot.Deadlock d : s.deadlocks()) {
            ObjectNode o = deadlocks.addObject();
            ArrayNode threads = o.putArray("threads");
            d.threads().forEach(threads::add);
            ArrayNode locks = o.putArray("locks");
            d.locks().forEach(locks::add);
        }
        ArrayNode locks = root.putArray("locks");
        for (ThreadSnapshot.DumpLock l : s.locks()) {
            ObjectNode o = locks.addObject();
            o.put("address", l.address());
            o.put("lockClass", l.lockClass());
            o.put("holder", l.holder());
            ArrayNode w = o.putArray("waiters");
            l.waiters().forEach(w::add);
        }
        ArrayNode threads = root.putArray("threads");
        for (ThreadSnapshot.DumpThread t : s.threads()) {
            ObjectNode o = threads.addObject();
            o.put("name", t.name());
            o.put("tid", t.tid());
            o.put("javaState", t.javaState());
            o.put("state", t.state().label());
            ArrayNode f = o.putArray("frames");
            t.frames().forEach(f::add);
            o.put("waitingFor", t.waitingFor());
            ArrayNode h = o.putArray("holding");
            t.holding().forEach(h::add);
        }
        out.println(JsonTrees.pretty(root));
        out.flush();
    }
}
