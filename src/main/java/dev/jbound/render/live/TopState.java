package dev.jbound.render.live;

/**
 * What the user chose in top: sort, filter, pause, the selected and expanded thread, whether the
 * help or the JVM's own threads are shown. Immutable: a key gives a new state (TopKeys).
 *
 * @param filter      shown threads' names contain this (case-insensitive); "" for all
 * @param filterInput the filter being typed, or null when none is
 * @param selected    the selected thread's OS id, kept across refreshes; 0 for the first row
 * @param expanded    the thread whose stack is shown under its row, or 0
 * @param scroll      the first thread row on screen
 */
public record TopState(TopSort sort, boolean reversed, String filter, String filterInput, boolean paused, boolean help,
                       boolean jvmThreads, long selected, long expanded, int scroll) {

    public TopState {
        filter = filter == null ? "" : filter;
    }

    /** As top starts: by CPU, all application threads, nothing selected. */
    public static TopState initial() {
        return new TopState(TopSort.CPU, false, "", null, false, false, false, 0, 0, 0);
    }

    TopState withSort(TopSort s) {
        return new TopState(s, reversed, filter, filterInput, paused, help, jvmThreads, selected, expanded, scroll);
    }

    TopState withReversed(boolean r) {
        return new TopState(sort, r, filter, filterInput, paused, help, jvmThreads, selected, expanded, scroll);
    }

    TopState withFilter(String f) {
        return new TopState(sort, reversed, f, filterInput, paused, help, jvmThreads, selected, expanded, scroll);
    }

    TopState withFilterInput(String in) {
        return new TopState(sort, reversed, filter, in, paused, help, jvmThreads, selected, expanded, scroll);
    }

    TopState withPaused(boolean p) {
        return new TopState(sort, reversed, filter, filterInput, p, help, jvmThreads, selected, expanded, scroll);
    }

    TopState withHelp(boolean h) {
        return new TopState(sort, reversed, filter, filterInput, paused, h, jvmThreads, selected, expanded, scroll);
    }

    TopState withJvmThreads(boolean j) {
        return new TopState(sort, reversed, filter, filterInput, paused, help, j, selected, expanded, scroll);
    }

    TopState withSelected(long tid) {
        return new TopState(sort, reversed, filter, filterInput, paused, help, jvmThreads, tid, expanded, scroll);
    }

    TopState withExpanded(long tid) {
        return new TopState(sort, reversed, filter, filterInput, paused, help, jvmThreads, selected, tid, scroll);
    }

    TopState withScroll(int s) {
        return new TopState(sort, reversed, filter, filterInput, paused, help, jvmThreads, selected, expanded, s);
    }
}
