package dev.jbound.render;

import dev.jbound.model.ThreadSnapshot;
import dev.jbound.model.ThreadState;

import java.io.PrintWriter;
import java.util.List;

import static dev.jbound.render.TerminalText.escape;

/** Deadlocks first, then the lock graph, then the threads grouped by state with their top frames. */
public final class DumpTextRenderer implements Renderer<ThreadSnapshot> {

    private static final int LOCKS = 10;
    private final Style style;

    public DumpTextRenderer(boolean color) {
        this.style = new Style(color);
    }

    @Override
    public void render(ThreadSnapshot s, PrintWriter out) {
        out.println("jbound dump · pid " + s.target().pid()
                + (s.target().mainClass().isBlank() ? "" : " · " + escape(s.target().mainClass()))
                + (s.target().jvmVersion().isBlank() ? "" : " · JDK " + escape(s.target().jvmVersion()))
                + " · " + s.threads().size() + " threads");
        locks(s, out);
        for (ThreadState state : ThreadState.values()) {
            List<ThreadSnapshot.DumpThread> in = s.threads().stream().filter(t -> t.state() == state).toList();
            if (in.isEmpty()) continue;
            out.println();
            out.println(style.bold(state.label().toUpperCase(java.util.Locale.ROOT)) + " (" + in.size() + ")");
            for (ThreadSnapshot.DumpThread t : in) {
                String top = t.frames().isEmpty() ? "" : t.frames().get(0);
                out.println("  " + escape(t.name()) + (top.isEmpty() ? "" : "  " + escape(top))
                        + (t.waitingFor() == null ? "" : "  waits for <" + t.waitingFor() + ">"));
            }
        }
        out.flush();
    }

    /** Deadlocks and the lock graph alone, for the shell's {@code locks}. */
    public void renderLocks(ThreadSnapshot s, PrintWriter out) {
        locks(s, out);
        out.flush();
    }

    /** Each thread's state, the lock it waits for or holds, and its frames, for the shell's {@code stack}. */
    public void renderStacks(ThreadSnapshot s, List<ThreadSnapshot.DumpThread> threads, PrintWriter out) {
        for (ThreadSnapshot.DumpThread t : threads) {
            out.println(style.bold(escape(t.name())) + "  " + t.state().label()
                    + (t.javaState().isEmpty() ? "" : style.dim(" (" + escape(t.javaState()) + ")")));
            if (t.waitingFor() != null) {
                String holder = s.locks().stream().filter(l -> l.address().equals(t.waitingFor()))
                        .map(ThreadSnapshot.DumpLock::holder).filter(h -> h != null).findFirst().orElse(null);
                out.println("  waits for <" + t.waitingFor() + "> " + escape(lockClass(s, t.waitingFor()))
                        + (holder == null ? "" : ", held by " + escape(holder)));
            }
            for (String held : t.holding()) out.println("  holds <" + held + "> " + escape(lockClass(s, held)));
            if (t.frames().isEmpty()) out.println(style.dim("  (no Java frames)"));
            for (String f : t.frames()) out.println("  at " + escape(f));
            out.println();
        }
        out.flush();
    }

    private void locks(ThreadSnapshot s, PrintWriter out) {
        if (s.deadlocks().isEmpty()) {
            out.println(style.green("no deadlock"));
        } else {
            for (ThreadSnapshot.Deadlock d : s.deadlocks()) {
                out.println(style.red(style.bold("DEADLOCK")) + " " + d.threads().size() + " threads:");
                for (int i = 0; i < d.threads().size(); i++) {
                    String next = d.threads().get((i + 1) % d.threads().size());
                    out.println("  " + escape(d.threads().get(i)) + " waits for <" + d.locks().get(i) + "> "
                            + escape(lockClass(s, d.locks().get(i))) + ", held by " + escape(next));
                }
            }
        }
        if (!s.locks().isEmpty()) {
            out.println();
            out.println(style.bold("LOCKS"));
            for (ThreadSnapshot.DumpLock l : s.locks().subList(0, Math.min(LOCKS, s.locks().size()))) {
                out.println("  <" + l.address() + "> " + escape(l.lockClass()) + ": held by "
                        + (l.holder() == null ? "?" : escape(l.holder()))
                        + (l.waiters().isEmpty() ? "" : "; waiting: " + escape(String.join(", ", l.waiters()))));
            }
        }
    }

    private static String lockClass(ThreadSnapshot s, String address) {
        return s.locks().stream().filter(l -> l.address().equals(address)).map(ThreadSnapshot.DumpLock::lockClass)
                .findFirst().orElse("");
    }
}
