package dev.jbound.cli;

import dev.jbound.model.Report;
import dev.jbound.profile.RecordingAnalysis;
import dev.jbound.record.RecordingException;
import dev.jbound.render.Format;
import dev.jbound.render.Renderers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Shell: save FILE keeps the last recording, in the form the file's extension names. */
@Command(name = "save",
        description = "Save the last recording: FILE.jfr the raw recording (jbound report reads it), FILE.json the JSON report"
                + " (diff compares two), any other name the text report.",
        footerHeading = "%nExamples:%n", footer = {"  save before.json", "  save app.jfr", "  diff before.json after.json"})
final class SaveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to save; the extension chooses: .jfr, .json, or text.")
    Path file;

    @Override
    public Integer call() throws RecordingException {
        var report = LastRecording.of(parent, spec.commandLine());
        OutputOptions.checkWritable(spec, file, "FILE");
        ShellSession session = (ShellSession) parent.session;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jfr")) {
            RecordingAnalysis.keep(session.lastJfr(), file);
        } else {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                Format format = name.endsWith(".json") ? Format.json : Format.text;
                Renderers.of(Report.class, format, Renderers.Terminal.PLAIN).render(report, out);
            } catch (IOException e) {
                throw new RecordingException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        parent.console().out().println("saved " + file);
        return ExitCodes.OK;
    }
}
