package dev.jbound.demo;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/** The last lines of a child's stream, bounded so a chatty child (-Xlog:gc) cannot fill memory. */
final class OutputTail implements Consumer<String> {
    private static final int MAX_LINES = 200;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    @Override
    public synchronized void accept(String line) {
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized String text() {
        return String.join(System.lineSeparator(), lines);
    }
}
