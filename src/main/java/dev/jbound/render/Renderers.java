package dev.jbound.render;

import dev.jbound.model.CheckResult;
import dev.jbound.model.JvmScan;
import dev.jbound.model.Report;
import dev.jbound.model.ReportDiff;
import dev.jbound.model.RunReport;
import dev.jbound.model.ThreadSnapshot;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place a renderer is chosen: for each document and format, the renderer that writes it.
 * Colour and Unicode (a terminal's) matter to the text formats only.
 */
public final class Renderers {

    /** How the terminal the text goes to draws. */
    public record Terminal(boolean color, boolean unicode) {
        public static final Terminal PLAIN = new Terminal(false, true);
    }

    private record Key(Class<?> document, Format format) {
        // written out: the record's own are bound through method handles at first use, which every command would pay
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && document == k.document && format == k.format;
        }

        @Override
        public int hashCode() {
            return document.hashCode() * 31 + format.hashCode();
        }
    }

    private static final Map<Key, Function<Terminal, Renderer<?>>> REGISTRY = new LinkedHashMap<>();

    static {
        add(Report.class, Format.text, t -> new TextRenderer(t.color(), t.unicode()));
        add(Report.class, Format.json, t -> new JsonRenderer());
        add(CheckResult.class, Format.text, t -> new CheckTextRenderer(t.color(), t.unicode()));
        add(CheckResult.class, Format.json, t -> new CheckJsonRenderer());
        add(CheckResult.class, Format.junit, t -> new CheckJunitRenderer());
        add(CheckResult.class, Format.markdown, t -> new CheckMarkdownRenderer());
        add(ReportDiff.class, Format.text, t -> new DiffTextRenderer(t.color()));
        add(ReportDiff.class, Format.json, t -> new DiffJsonRenderer());
        add(RunReport.class, Format.text, t -> new RunTextRenderer(t.color(), t.unicode()));
        add(RunReport.class, Format.json, t -> new RunJsonRenderer());
        add(JvmScan.class, Format.text, t -> new JvmTableRenderer(t.color()));
        add(JvmScan.class, Format.json, t -> new JvmListJsonRenderer());
        add(ThreadSnapshot.class, Format.text, t -> new DumpTextRenderer(t.color()));
        add(ThreadSnapshot.class, Format.json, t -> new DumpJsonRenderer());
    }

    private Renderers() {
    }

    private static <D> void add(Class<D> document, Format format, Function<Terminal, Renderer<D>> make) {
        REGISTRY.put(new Key(document, format), make::apply);
    }

    /** @throws IllegalArgumentException when the document has no such format (a command offered one it should not) */
    @SuppressWarnings("unchecked") // add() pairs each key's class with renderers of that class
    public static <D> Renderer<D> of(Class<D> document, Format format, Terminal terminal) {
        Function<Terminal, Renderer<?>> make = REGISTRY.get(new Key(document, format));
        if (make == null) throw new IllegalArgumentException(document.getSimpleName() + " has no " + format + " format");
        return (Renderer<D>) make.apply(terminal);
    }

    /** The formats a document can be written in. */
    public static Set<Format> formats(Class<?> document) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        REGISTRY.keySet().forEach(k -> {
            if (k.document() == document) out.add(k.format());
        });
        return out;
    }
}
