package dev.jbound.cli;

import dev.jbound.model.FlameProfile;
import dev.jbound.model.Report;
import dev.jbound.profile.LoadedRecording;
import dev.jbound.render.FlamePage;
import dev.jbound.render.HtmlReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** --flame FILE and --html FILE: pages to open in a browser, for the commands that make a report. */
public final class ArtefactOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--flame", paramLabel = "FILE",
            description = "Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler's converter):"
                    + " one of CPU time and one of blocked time (io + lock), each rooted at the thread's pool.")
    Path flame;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it):"
                    + " verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended"
                    + " locks, the pools and the flame graphs.")
    Path html;

    boolean wanted() {
        return flame != null || html != null;
    }

    void validate() {
        OutputOptions.checkWritable(spec, flame, "--flame");
        OutputOptions.checkWritable(spec, html, "--html");
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
            throw new OutputWriteException("cannot write " + file + ": " + e.getMessage(), e);
        }
        console.err().println("jbound: wrote " + file);
        console.err().flush();
    }
}
