package dev.jbound.render.live;

/**
 * What the user chose in top: sort, filter, pause, the selected and expanded thread, whether the
 * help or the JVM's own threads are shown. Changed only by the key loop's thread.
 */
public final class TopState {
    TopSort sort = TopSort.CPU;
    boolean reversed;
    /** Shown threads' names contain this (case-insensitive); "" for all. */
    String filter = "";
    /** Non-null while the user types a filter. */
    StringBuilder filterInput;
    boolean paused;
    boolean help;
    boolean jvmThreads;
    /** The selected thread's OS id, kept across refreshes; 0 for the first row. */
    long selected;
    /** The thread whose stack is shown under its row, or 0. */
    long expanded;
    /** The first thread row on screen. */
    int scroll;
}
