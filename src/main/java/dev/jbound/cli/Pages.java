package dev.jbound.cli;

import dev.jbound.model.FlameProfile;
import dev.jbound.model.Report;
import dev.jbound.profile.LoadedRecording;
import dev.jbound.render.FlamePage;
import dev.jbound.render.HtmlReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pages to write beside a report (--flame, --html), validated: null for a page not asked for.
 */
record Pages(Path flame, Path html) {
    static final Pages NONE = new Pages(null, null);

    boolean wanted() {
        return flame != null || html != null;
    }

    /** Writes the pages asked for, from the report and the recording it was analysed from; one line on stderr for each. */
    void write(Report report, LoadedRecording recording, Console console) {
        if (!wanted()) return;
        FlameProfile flames = recording.flames();
        if (flame != null) page(flame, out -> FlamePage.render(report, flames, out), console);
        if (html != null) page(html, out -> HtmlReport.render(report, flames, out), console);
    }

    private interface Page {
        void render(PrintWriter out);
    }

    private static void page(Path file, Page page, Console console) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            page.render(out);
            if (out.checkError()) throw new IOException("a write failed (is the disk full?)");
        } catch (IOException e) {
            throw new OutputWriteException("cannot write " + file + ": " + OutputOptions.reason(e), e);
        }
        console.err().println("jbound: wrote " + file);
        console.err().flush();
    }
}
