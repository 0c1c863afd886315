package dev.jbound.render;

import java.io.PrintWriter;

/**
 * One output format of one document (a report, a check's result, a diff, run's verdicts, ps's
 * list, a thread dump). Renderers see only their document and write to the stream they are given;
 * {@link Renderers} chooses one for each (document, format) pair.
 */
public interface Renderer<D> {
    void render(D document, PrintWriter out);
}
