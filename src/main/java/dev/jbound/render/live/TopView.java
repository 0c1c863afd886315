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

    /** Where the intervals come from: {@code dev.jbound.profile.LiveSampler}, adapted by the command. */
    public interface TickSource {
        /** Records and analyses the next interval; returns early with the interrupt set when interrupted. */
        LiveTick next() throws Exception;

        /** Whether each interval should end with a thread dump (a stack is on screen). */
        void wantDump(boolean want);
    }

    /** How the view ended: the last interval seen, and the error that ended sampling, if one did. */
    public record Outcome(LiveTick last, Exception error, boolean targetExited, boolean interrupted) {
    }

    /** How long a key read waits before the loop looks for a new interval or a resize. */
    private static final long POLL_MILLIS = 100;
    private static final long SAMPLER_STOP_MILLIS = 15_000;

    private final Terminal terminal;
    private final TopScreen screen;
    /** Replaced, never changed, by each key (TopKeys); read and written by the key loop's thread only. */
    private TopState state = TopState.initial();
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
        KeyMap<TopKeys.Key> map = keyMap();
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
            if (!state.paused() && now != shown) {
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
            if (c == TopKeys.CTRL_C) {
                keys.readCharacter();
                act(TopKeys.Key.INTERRUPT, size);
            } else if (state.filterInput() != null) {
                state = TopKeys.type(state, keys.readCharacter());
            } else {
                TopKeys.Key key = keys.readBinding(map);
                act(key == null ? TopKeys.Key.NONE : key, size);
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
        state = TopKeys.keepOnScreen(state, TopScreen.visible(state, shown == null ? null : shown.report()), TopScreen.rowsForThreads(rows));
    }

    private void act(TopKeys.Key key, Size size) {
        List<ThreadRow> rows = TopScreen.visible(state, shown == null ? null : shown.report());
        long expandedBefore = state.expanded();
        TopKeys.Outcome o = TopKeys.press(state, key, rows, TopScreen.rowsForThreads(size.getRows()));
        state = o.state();
        if (o.effect() == TopKeys.Effect.INTERRUPT) interrupted = true;
        if (o.effect() != TopKeys.Effect.NONE) quit = true;
        // a stack on screen wants a thread dump at each interval's end
        if ((state.expanded() != 0) != (expandedBefore != 0) && tickSource != null) tickSource.wantDump(state.expanded() != 0);
    }

    private KeyMap<TopKeys.Key> keyMap() {
        KeyMap<TopKeys.Key> m = new KeyMap<>();
        m.setNomatch(TopKeys.Key.NONE);
        m.setUnicode(TopKeys.Key.NONE);
        m.setAmbiguousTimeout(150);
        m.bind(TopKeys.Key.QUIT, "q", "Q");
        m.bind(TopKeys.Key.INTERRUPT, KeyMap.ctrl('C'));
        m.bind(TopKeys.Key.PAUSE, "p", " ");
        m.bind(TopKeys.Key.SORT, "s");
        m.bind(TopKeys.Key.REVERSE, "r");
        m.bind(TopKeys.Key.FILTER, "/");
        m.bind(TopKeys.Key.UP, "k", "\033[A", "\033OA");
        m.bind(TopKeys.Key.DOWN, "j", "\033[B", "\033OB");
        m.bind(TopKeys.Key.PAGE_UP, "\033[5~");
        m.bind(TopKeys.Key.PAGE_DOWN, "\033[6~");
        m.bind(TopKeys.Key.HOME, "g", "\033[H", "\033OH", "\033[1~");
        m.bind(TopKeys.Key.END, "G", "\033[F", "\033OF", "\033[4~");
        m.bind(TopKeys.Key.EXPAND, "\r", "\n");
        m.bind(TopKeys.Key.JVM, "t");
        m.bind(TopKeys.Key.HELP, "?", "h");
        m.bind(TopKeys.Key.ESCAPE, KeyMap.esc());
        for (Capability cap : List.of(Capability.key_up, Capability.key_down, Capability.key_ppage, Capability.key_npage)) {
            String seq = KeyMap.key(terminal, cap);
            if (seq == null || seq.isEmpty()) continue;
            TopKeys.Key op = switch (cap) {
                case key_up -> TopKeys.Key.UP;
                case key_down -> TopKeys.Key.DOWN;
                case key_ppage -> TopKeys.Key.PAGE_UP;
                default -> TopKeys.Key.PAGE_DOWN;
            };
            m.bind(op, seq);
        }
        return m;
    }
}
