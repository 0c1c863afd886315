package dev.jbound.render.live;

import dev.jbound.model.LiveTick;
import dev.jbound.model.ThreadRow;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.IOError;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full-screen loop of {@code jbound top}: a sampler thread records interval after interval
 * while this thread reads keys and redraws. The terminal is given back as it was (main screen,
 * cursor, line discipline) when the user quits, on Ctrl-C, when the target dies, on an error, and
 * from a shutdown hook when jbound itself is terminated.
 */
public final class TopView {

    /** Where the intervals come from: {@code dev.jbound.analyze.LiveSampler}, adapted by the command. */
    public interface TickSource {
        /** Records and analyses the next interval; returns early with the interrupt set when interrupted. */
        LiveTick next() throws Exception;

        /** Whether each interval should end with a thread dump (a stack is on screen). */
        void wantDump(boolean want);
    }

    /** How the view ended: the last interval seen, and the error that ended sampling, if one did. */
    public record Outcome(LiveTick last, Exception error, boolean targetExited, boolean interrupted) {
    }

    private enum Op { QUIT, INTERRUPT, PAUSE, SORT, REVERSE, FILTER, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, EXPAND, JVM, HELP, ESCAPE, NONE }

    /** How long a key read waits before the loop looks for a new interval or a resize. */
    private static final long POLL_MILLIS = 100;
    private static final long SAMPLER_STOP_MILLIS = 15_000;

    private final Terminal terminal;
    private final TopScreen screen;
    private final TopState state = new TopState();
    private final AtomicReference<LiveTick> latest = new AtomicReference<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean quit;
    private volatile boolean interrupted;
    private volatile boolean resized;
    private volatile boolean dirty = true;
    private LiveTick shown;
    private TickSource tickSource;

    public TopView(Terminal terminal, TopScreen screen) {
        this.terminal = terminal;
        this.screen = screen;
    }

    public Outcome run(TickSource source) {
        this.tickSource = source;
        Thread sampler = new Thread(() -> sample(source), "jbound-top-sampler");
        sampler.setDaemon(true);
        Attributes original = terminal.enterRawMode();
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (!restored.compareAndSet(false, true)) return;
            terminal.puts(Capability.exit_ca_mode);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.cursor_visible);
            terminal.setAttributes(original);
            terminal.flush();
        };
        Thread hook = new Thread(restore, "jbound-top-restore-terminal");
        Runtime.getRuntime().addShutdownHook(hook);
        Terminal.SignalHandler previousInt = terminal.handle(Terminal.Signal.INT, s -> {
            interrupted = true;
            quit = true;
        });
        Terminal.SignalHandler previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.keypad_xmit);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
            sampler.start();
            loop();
        } catch (IOError e) {
            // the terminal went away (its window closed): nothing left to draw on
        } finally {
            try {
                restore.run();
            } catch (IOError gone) {
                // nothing to give back to
            }
            terminal.handle(Terminal.Signal.INT, previousInt);
            terminal.handle(Terminal.Signal.WINCH, previousWinch);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
            // Whatever ended the view, the sampler stops, and with it the profiler in the target;
            // the terminal is back first, so quitting feels instant.
            sampler.interrupt();
            try {
                sampler.join(SAMPLER_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LiveTick last = latest.get();
        return new Outcome(last, failure.get(), last != null && last.targetExited(), interrupted);
    }

    private void sample(TickSource source) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                LiveTick tick = source.next();
                latest.set(tick);
                dirty = true;
                if (tick.targetExited()) {
                    quit = true;
                    return;
                }
            }
        } catch (Exception e) {
            // after q the last interval may end badly (cut short); that is no failure to report
            if (!Thread.currentThread().isInterrupted() && !quit) failure.set(e);
            quit = true;
        } catch (Throwable t) {
            if (!quit) failure.set(new IllegalStateException(t.toString(), t));
            quit = true;
        }
    }

    private void loop() {
        Display display = new Display(terminal, true);
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        BindingReader keys = new BindingReader(terminal.reader());
        KeyMap<Op> map = keyMap();
        while (!quit) {
            if (resized) {
                resized = false;
                size = terminal.getSize();
                display.clear();
                display.resize(size.getRows(), size.getColumns());
                terminal.puts(Capability.clear_screen);
                dirty = true;
            }
            LiveTick now = latest.get();
            if (!state.paused && now != shown) {
                shown = now;
                dirty = true;
            }
            if (dirty) {
                dirty = false;
                draw(display, size);
            }
            int c = keys.peekCharacter(POLL_MILLIS);
            if (c == NonBlockingReader.READ_EXPIRED) continue;
            if (c == NonBlockingReader.EOF) return;
            if (c == 3) { // Ctrl-C arrives as a key in raw mode: it always quits
                keys.readCharacter();
                act(Op.INTERRUPT, size);
            } else if (state.filterInput != null) {
                editFilter(keys.readCharacter());
            } else {
                Op op = keys.readBinding(map);
                act(op == null ? Op.NONE : op, size);
            }
            dirty = true;
        }
    }

    private void draw(Display display, Size size) {
        int rows = Math.max(1, size.getRows());
        int cols = Math.max(20, size.getColumns());
        keepSelectionOnScreen(rows);
        List<AttributedString> lines = screen.render(state, shown, cols, rows, null);
        display.update(lines, size.cursorPos(Math.min(rows - 1, lines.size() - 1), 0));
    }

    private void keepSelectionOnScreen(int rows) {
        List<ThreadRow> rowsShown = TopScreen.visible(state, shown == null ? null : shown.report());
        int i = TopScreen.selectedIndex(state, rowsShown);
        if (i < 0) return;
        state.selected = rowsShown.get(i).osTid();
        int room = TopScreen.rowsForThreads(rows);
        // an expanded stack takes lines too: keep the selected row itself near the top then
        int visible = state.expanded != 0 ? Math.max(1, room / 3) : room;
        if (i < state.scroll) state.scroll = i;
        if (i >= state.scroll + visible) state.scroll = i - visible + 1;
        state.scroll = Math.max(0, Math.min(state.scroll, Math.max(0, rowsShown.size() - 1)));
    }

    private void act(Op op, Size size) {
        if (state.help && op != Op.QUIT && op != Op.INTERRUPT) {
            state.help = false;
            return;
        }
        List<ThreadRow> rows = TopScreen.visible(state, shown == null ? null : shown.report());
        int i = TopScreen.selectedIndex(state, rows);
        int page = TopScreen.rowsForThreads(size.getRows());
        switch (op) {
            case QUIT -> quit = true;
            case INTERRUPT -> {
                interrupted = true;
                quit = true;
            }
            case PAUSE -> state.paused = !state.paused;
            case SORT -> state.sort = state.sort.next();
            case REVERSE -> state.reversed = !state.reversed;
            case FILTER -> state.filterInput = new StringBuilder(state.filter);
            case UP -> select(rows, i - 1);
            case DOWN -> select(rows, i + 1);
            case PAGE_UP -> select(rows, i - page);
            case PAGE_DOWN -> select(rows, i + page);
            case HOME -> select(rows, 0);
            case END -> select(rows, rows.size() - 1);
            case EXPAND -> expand(rows, i);
            case JVM -> state.jvmThreads = !state.jvmThreads;
            case HELP -> state.help = true;
            case ESCAPE -> {
                if (state.expanded != 0) collapse();
                else state.filter = "";
            }
            case NONE -> { }
        }
    }

    private void select(List<ThreadRow> rows, int index) {
        if (rows.isEmpty()) return;
        state.selected = rows.get(Math.max(0, Math.min(rows.size() - 1, index))).osTid();
    }

    private void expand(List<ThreadRow> rows, int i) {
        if (i < 0) return;
        long tid = rows.get(i).osTid();
        if (state.expanded == tid) {
            collapse();
        } else {
            state.expanded = tid;
            wantDump(true);
        }
    }

    private void collapse() {
        state.expanded = 0;
        wantDump(false);
    }

    private void wantDump(boolean want) {
        if (tickSource != null) tickSource.wantDump(want);
    }

    private void editFilter(int c) {
        StringBuilder in = state.filterInput;
        if (c == '\r' || c == '\n') {
            state.filter = in.toString().strip();
            state.filterInput = null;
            state.scroll = 0;
        } else if (c == 27) {
            state.filterInput = null;
        } else if (c == 127 || c == 8) {
            if (in.length() > 0) in.setLength(in.length() - 1);
        } else if (c >= 32) {
            in.appendCodePoint(c);
        }
    }

    private KeyMap<Op> keyMap() {
        KeyMap<Op> m = new KeyMap<>();
        m.setNomatch(Op.NONE);
        m.setUnicode(Op.NONE);
        m.setAmbiguousTimeout(150);
        m.bind(Op.QUIT, "q", "Q");
        m.bind(Op.INTERRUPT, KeyMap.ctrl('C'));
        m.bind(Op.PAUSE, "p", " ");
        m.bind(Op.SORT, "s");
        m.bind(Op.REVERSE, "r");
        m.bind(Op.FILTER, "/");
        m.bind(Op.UP, "k", "\033[A", "\033OA");
        m.bind(Op.DOWN, "j", "\033[B", "\033OB");
        m.bind(Op.PAGE_UP, "\033[5~");
        m.bind(Op.PAGE_DOWN, "\033[6~");
        m.bind(Op.HOME, "g", "\033[H", "\033OH", "\033[1~");
        m.bind(Op.END, "G", "\033[F", "\033OF", "\033[4~");
        m.bind(Op.EXPAND, "\r", "\n");
        m.bind(Op.JVM, "t");
        m.bind(Op.HELP, "?", "h");
        m.bind(Op.ESCAPE, KeyMap.esc());
        for (Capability cap : List.of(Capability.key_up, Capability.key_down, Capability.key_ppage, Capability.key_npage)) {
            String seq = KeyMap.key(terminal, cap);
            if (seq == null || seq.isEmpty()) continue;
            Op op = switch (cap) {
                case key_up -> Op.UP;
                case key_down -> Op.DOWN;
                case key_ppage -> Op.PAGE_UP;
                default -> Op.PAGE_DOWN;
            };
            m.bind(op, seq);
        }
        return m;
    }
}
