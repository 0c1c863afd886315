package dev.jbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report where --output says: to the file (never coloured), or to the console's report stream. */
final class ReportOutput {

    interface Render {
        void to(Console console, PrintWriter out);
    }

    private ReportOutput() {
    }

    /** @param file the --output file, or null for {@code console.out()} */
    static void write(Path file, Console console, Render render) {
        if (file == null) {
            render.to(console, console.out());
            console.out().flush();
            return;
        }
        // A file gets no colour, whatever the terminal.
        Console plain = new Console(console.out(), console.err(), false, false, true, console.inShell());
        boolean failed;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            render.to(plain, w);
            failed = w.checkError(); // flushes, and says whether a write failed (PrintWriter keeps it to itself)
        } catch (IOException e) {
            throw new OutputWriteException("cannot write " + file + ": " + OutputOptions.reason(e), e);
        }
        if (failed) throw new OutputWriteException("cannot write " + file + ": a write failed (is the disk full?)", null);
        console.err().println("jbound: report written to " + file);
        console.err().flush();
    }
}
