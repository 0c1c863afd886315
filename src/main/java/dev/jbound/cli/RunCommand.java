package dev.jbound.cli;

import dev.jbound.model.RunReport;
import dev.jbound.model.RunReport.JvmResult;
import dev.jbound.profile.CommandProfile;
import dev.jbound.profile.LoadedRecording;
import dev.jbound.record.RecordingException;
import dev.jbound.target.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static dev.jbound.render.TerminalText.escape;

/** jbound run [options] -- COMMAND...: launch a command and profile the JVMs it starts from their start. */
@Command(name = "run",
        description = {"Launch a command and profile the JVMs it starts, from their first instruction.",
                "JVMs behind wrapper scripts (mvn, gradle, sh) are found too. The command keeps stdin, stdout and its"
                        + " exit code; the verdict goes to stderr (or --output) when the command ends, or when --duration"
                        + " passes, and then the command goes on unprofiled."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound run -- java -jar app.jar",
                "  jbound run --duration 30s -- ./gradlew run",
                "  jbound run --subprocesses --format json --output verdicts.json -- mvn test"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"N:the command's own exit code (130 when Ctrl-C ended it; Ctrl-C is passed on to it)",
                "2:usage error, or the report (--output) or a page (--html, --flame) could not be written",
                "3:the command cannot be run, or it started no JVM",
                "4:no reported JVM left a readable recording (e.g. killed with SIGKILL)"})
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    JboundCommand parent;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "The command and its arguments. Options after the command's name are the command's own.")
    List<String> command;

    @Option(names = "--subprocesses",
            description = "A verdict for every JVM the command starts (e.g. a build's forked test JVMs), not only the first.")
    boolean subprocesses;

    @Mixin
    ProfileOptions options;

    @Override
    public Integer call() throws TargetException, RecordingException {
        // No --duration: until the command ends, and at most the longest window jbound records.
        ProfileSettings settings = options.validated(RecordingOptions.MAX_DURATION);
        Console console = parent.console().reportOnStderr();
        // No Warmup as attach has: it would take CPU from the command's JVMs, measured from their start.
        var run = new CommandProfile.Options(command, settings.recording(), subprocesses, settings.keepJfr(), settings.pages().wanted());
        try (CommandProfile profile = CommandProfile.launch(run, settings.recorder().startupRecorder());
             InterruptOnSigint ignored = InterruptOnSigint.forwarding(profile::interrupt)) {
            RunReport report = profile.awaitVerdict();
            int failure;
            if (report.jvms().isEmpty()) {
                failure = ExitCodes.TARGET;
                if (!report.commandEnded()) {
                    console.err().printf(Locale.US, "jbound: the command started no JVM within the %.1f s window; nothing to profile%n",
                            settings.recording().duration().toMillis() / 1000.0);
                    console.err().flush();
                }
            } else if (report.reports().isEmpty()) {
                for (JvmResult j : report.unrecorded()) console.err().println("jbound: " + describe(j) + ": no verdict");
                console.err().flush();
                failure = ExitCodes.RECORDING;
            } else {
                failure = write(report, settings, console);
                if (failure == ExitCodes.OK) failure = writePages(report, settings.pages(), profile.firstRecording(), console);
            }
            int exit = profile.awaitExit();
            if (report.jvms().isEmpty() && report.commandEnded()) {
                console.err().println("jbound: the command started no JVM (it exited with code " + exit + "); nothing to profile");
                console.err().println("hint: JVMs are found through JAVA_TOOL_OPTIONS; a script that clears it hides its JVMs");
            }
            return failure != ExitCodes.OK ? failure : exit;
        }
    }

    /** The pages show the first JVM, as --jfr keeps its recording under the name given. */
    private static int writePages(RunReport report, Pages pages, LoadedRecording firstRecording, Console console) {
        if (!pages.wanted()) return ExitCodes.OK;
        try {
            JvmResult first = report.jvms().get(0);
            if (first.recorded() && firstRecording != null) {
                pages.write(first.report(), firstRecording, console);
            } else {
                console.err().println("jbound: no --flame or --html: the first JVM, " + describe(first));
            }
            return ExitCodes.OK;
        } catch (OutputWriteException e) {
            console.err().println("jbound: " + escape(e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            console.err().flush();
        }
    }

    /** @return OK, or USAGE when the report could not be written to --output (the command is still waited for) */
    private static int write(RunReport report, ProfileSettings settings, Console console) {
        try {
            ReportOutput.write(settings.output(), console, (c, out) -> settings.format().renderer(RunReport.class, c).render(report, out));
            return ExitCodes.OK;
        } catch (OutputWriteException e) {
            console.err().println("jbound: " + escape(e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            console.err().flush();
        }
    }

    private static String describe(JvmResult j) {
        String main = j.mainClass().isBlank() ? "" : " (" + escape(j.mainClass()) + ")";
        return "pid " + j.pid() + main + " " + escape(j.problem());
    }
}
