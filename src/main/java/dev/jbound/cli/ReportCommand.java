package dev.jbound.cli;

import dev.jbound.profile.RecordedProfile;
import dev.jbound.profile.RecordingAnalysis;
import dev.jbound.record.RecordingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** jbound report FILE.jfr: the verdict for a recording made elsewhere. */
@Command(name = "report",
        description = {"Analyse a JFR recording made elsewhere and print the verdict: one from jbound (--jfr),"
                + " async-profiler, the JDK's -XX:StartFlightRecording or jcmd JFR.start, or JDK Mission Control.",
                "Without the OS sensor, CPU time comes from the recording (thread dumps, jdk.ThreadCPULoad, or the"
                        + " process's load shared out by the samples, at lower confidence); a thread in a native method"
                        + " (JNI) off a CPU counts as I/O where the machine had a core to spare. A verdict that rests on"
                        + " little says so, and what to record next (settings=profile, or a live attach)."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound report app.jfr",
                "  java -XX:StartFlightRecording=filename=app.jfr,settings=profile -jar app.jar",
                "  jbound report app.jfr",
                "  jbound report app.jfr --format json --output verdict.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed",
                "2:usage error (no such file, a directory), or an output file could not be written",
                "4:the file is not JFR, is broken before its first whole chunk, or holds no samples"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JFR recording to analyse.")
    Path file;

    @Mixin
    OutputOptions output;

    @Mixin
    ArtefactOptions pages;

    @Override
    public Integer call() throws RecordingException {
        RecordingFileCheck.check(spec, file);
        output.validate();
        Pages wanted = pages.validated();
        DistinctFiles.of(spec).and("FILE", file).and("--output", output.output).and("--html", wanted.html()).and("--flame", wanted.flame());
        Console console = parent.console();
        var recording = RecordingAnalysis.load(file);
        var report = RecordedProfile.analyze(file, recording);
        ProfileRunner.write(report, output.format, output.output, console);
        wanted.write(report, recording, console);
        return ExitCodes.OK;
    }
}
