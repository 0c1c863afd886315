package dev.jbound.render.live;

import dev.jbound.model.ThreadRow;

import java.util.List;

/**
 * What each key does in top, as a function of the state: no terminal, no threads, so every key
 * is tested as it is (TopKeysTest). TopView reads the keys and draws; this decides.
 */
public final class TopKeys {

    /** The commands keys are bound to (TopView's key map). */
    public enum Key { QUIT, INTERRUPT, PAUSE, SORT, REVERSE, FILTER, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, EXPAND, JVM, HELP, ESCAPE, NONE }

    /** What the view does besides showing the new state. */
    public enum Effect { NONE, QUIT, INTERRUPT }

    /** A key's outcome: the new state, and whether the view ends. */
    public record Outcome(TopState state, Effect effect) {
    }

    /** Ctrl-C: in raw mode it arrives as a character, and always quits. */
    public static final int CTRL_C = 3;
    public static final int ESC = 27;
    public static final int DELETE = 127;
    public static final int BACKSPACE = 8;

    private TopKeys() {
    }

    /**
     * @param rows the thread rows on screen, in their order
     * @param page how many thread rows a page holds
     */
    public static Outcome press(TopState s, Key key, List<ThreadRow> rows, int page) {
        if (s.help() && key != Key.QUIT && key != Key.INTERRUPT) return new Outcome(s.withHelp(false), Effect.NONE);
        int i = TopScreen.selectedIndex(s, rows);
        TopState next = switch (key) {
            case QUIT, INTERRUPT, NONE -> s;
            case PAUSE -> s.withPaused(!s.paused());
            case SORT -> s.withSort(s.sort().next());
            case REVERSE -> s.withReversed(!s.reversed());
            case FILTER -> s.withFilterInput(s.filter());
            case UP -> select(s, rows, i - 1);
            case DOWN -> select(s, rows, i + 1);
            case PAGE_UP -> select(s, rows, i - page);
            case PAGE_DOWN -> select(s, rows, i + page);
            case HOME -> select(s, rows, 0);
            case END -> select(s, rows, rows.size() - 1);
            case EXPAND -> i < 0 ? s : s.withExpanded(s.expanded() == rows.get(i).osTid() ? 0 : rows.get(i).osTid());
            case JVM -> s.withJvmThreads(!s.jvmThreads());
            case HELP -> s.withHelp(true);
            case ESCAPE -> s.expanded() != 0 ? s.withExpanded(0) : s.withFilter("");
        };
        Effect e = key == Key.QUIT ? Effect.QUIT : key == Key.INTERRUPT ? Effect.INTERRUPT : Effect.NONE;
        return new Outcome(next, e);
    }

    /** A character typed while the filter is being edited (state.filterInput() not null). */
    public static TopState type(TopState s, int c) {
        String in = s.filterInput();
        if (c == '\r' || c == '\n') return s.withFilter(in.strip()).withFilterInput(null).withScroll(0);
        if (c == ESC) return s.withFilterInput(null);
        if (c == DELETE || c == BACKSPACE) return in.isEmpty() ? s : s.withFilterInput(in.substring(0, in.offsetByCodePoints(in.length(), -1)));
        if (c >= 32) return s.withFilterInput(in + Character.toString(c));
        return s;
    }

    /**
     * The selection kept on an existing row and on screen: the scroll follows it, with room for an
     * expanded stack under it.
     *
     * @param room the thread rows the screen holds
     */
    public static TopState keepOnScreen(TopState s, List<ThreadRow> rows, int room) {
        int i = TopScreen.selectedIndex(s, rows);
        if (i < 0) return s;
        // an expanded stack takes lines too: keep the selected row itself near the top then
        int visible = s.expanded() != 0 ? Math.max(1, room / 3) : room;
        int scroll = s.scroll();
        if (i < scroll) scroll = i;
        if (i >= scroll + visible) scroll = i - visible + 1;
        scroll = Math.max(0, Math.min(scroll, Math.max(0, rows.size() - 1)));
        return s.withSelected(rows.get(i).osTid()).withScroll(scroll);
    }

    private static TopState select(TopState s, List<ThreadRow> rows, int index) {
        if (rows.isEmpty()) return s;
        return s.withSelected(rows.get(Math.max(0, Math.min(rows.size() - 1, index))).osTid());
    }
}
