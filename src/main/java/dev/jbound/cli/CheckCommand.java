package dev.jbound.cli;

import dev.jbound.model.Assertion;
import dev.jbound.model.CheckResult;
import dev.jbound.model.Report;
import dev.jbound.model.RunReport;
import dev.jbound.profile.CommandProfile;
import dev.jbound.profile.LiveProfile;
import dev.jbound.profile.RecordedProfile;
import dev.jbound.profile.ReportJudgements;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** jbound check: record or read like attach/report/run, hold the verdict to assertions, exit 0 or 1. */
@Command(name = "check",
        description = {"Profile a JVM (--pid), read a recording (--report) or run a command (-- COMMAND), and check the"
                + " verdict: exit 0 when every assertion holds, 1 when any fails, with one line per failure on stderr.",
                "Shares are of active time, as the report shows them (0.1%% precision)."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound check --pid OrderService --expect io-bound,mixed --max lock=10%%",
                "  jbound check --report app.jfr --min cpu=50%% --format junit --output jbound.xml",
                "  jbound check --max gc=20%% --format markdown -- java -jar app.jar --smoke-test"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every assertion holds",
                "1:an assertion failed",
                "2:usage error (an unparsable assertion, an unknown state or class, a percentage outside 0-100)",
                "3:target not found or not attachable; the command cannot be run or starts no JVM",
                "4:recording failed, or the recording cannot be read",
                "130:interrupted"})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Option(names = "--pid", paramLabel = "PID|NAME", description = "Profile this running JVM (a pid, or a name as for attach).")
    String pid;

    @Option(names = "--report", paramLabel = "FILE", description = "Check a JFR recording made elsewhere, as report reads it.")
    Path report;

    @Parameters(arity = "0..*", paramLabel = "COMMAND",
            description = "After --: run this command as run does and check its first JVM; the command keeps stdout,"
                    + " and the output goes to --output or stderr.")
    List<String> command = new ArrayList<>();

    @Option(names = "--expect", paramLabel = "CLASS[,CLASS...]",
            description = "The verdict must be one of these classes (cpu-bound, cpu-saturated, io-bound, lock-bound, gc-bound, idle, mixed).")
    List<String> expect = new ArrayList<>();

    @Option(names = "--max", paramLabel = "STATE=PERCENT",
            description = "The state's share of active time is at most PERCENT (e.g. lock=10%%); states: cpu, runqueue, io, lock, gc. Repeatable.")
    List<String> max = new ArrayList<>();

    @Option(names = "--min", paramLabel = "STATE=PERCENT", description = "The state's share of active time is at least PERCENT (e.g. cpu=50%%). Repeatable.")
    List<String> min = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (JUnit XML for CI servers, Markdown for a job summary). Default: ${DEFAULT-VALUE}.")
    CheckFormat format = CheckFormat.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path output;

    @Mixin
    RecordingOptions recording;

    @Override
    public Integer call() throws TargetException, RecordingException {
        List<Assertion> assertions = assertions();
        int sources = (pid != null ? 1 : 0) + (report != null ? 1 : 0) + (command.isEmpty() ? 0 : 1);
        if (sources != 1) {
            throw new ParameterException(spec.commandLine(), sources == 0
                    ? "name what to check: --pid PID|NAME, --report FILE.jfr or -- COMMAND"
                    : "check one thing at a time: --pid, --report or -- COMMAND");
        }
        OutputOptions.checkWritable(spec, output, "--output");
        DistinctFiles.of(spec).and("--report", report).and("--output", output);
        // A command's own output owns stdout, as with run: the document goes to --output or stderr.
        Console console = command.isEmpty() ? parent.console() : parent.console().reportOnStderr();
        Profiled profiled = profile(console);
        CheckResult result = ReportJudgements.check(profiled.report, assertions);
        ReportOutput.write(output, console, (c, out) -> format.renderer(c).render(result, out));
        for (CheckResult.Outcome f : result.failures()) {
            console.err().println("jbound: check failed: " + dev.jbound.render.TerminalText.escape(f.message()));
        }
        console.err().flush();
        if (profiled.interrupted) return ExitCodes.INTERRUPTED;
        return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private record Profiled(Report report, boolean interrupted) {
    }

    private List<Assertion> assertions() {
        List<Assertion> out = new ArrayList<>();
        try {
            for (String e : expect) out.add(Assertion.expect(e));
            for (String m : max) out.add(Assertion.share(m, true));
            for (String m : min) out.add(Assertion.share(m, false));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to check: add --expect CLASS, --max STATE=PERCENT or --min STATE=PERCENT");
        }
        return out;
    }

    private Profiled profile(Console console) throws TargetException, RecordingException {
        if (report != null) {
            RecordingFileCheck.check(spec, report);
            return new Profiled(RecordedProfile.analyze(report), false);
        }
        if (pid != null) {
            RecordingSettings settings = recording.settings(RecordingSettings.DEFAULT_DURATION);
            // started before the lookup, so that it overlaps it (as attach does)
            Warmup warmup = Warmup.start(format.reportFormat());
            LiveProfile.Result r = ProfileRunner.record(TargetFinder.byPidOrName(pid), settings, recording.recorder, null,
                    console, warmup);
            return new Profiled(r.report(), r.interrupted());
        }
        RecordingSettings settings = recording.settings(RecordingOptions.MAX_DURATION);
        var options = new CommandProfile.Options(command, settings, false, null, false);
        try (CommandProfile profile = CommandProfile.launch(options, recording.recorder.startupRecorder());
             InterruptOnSigint ignored = InterruptOnSigint.forwarding(profile::interrupt)) {
            RunReport run = profile.awaitVerdict();
            int exit = profile.awaitExit();
            if (exit != 0) console.err().println("jbound: the command exited with code " + exit);
            if (run.reports().isEmpty()) {
                if (run.jvms().isEmpty()) throw new TargetException("the command started no JVM; nothing to check");
                throw new RecordingException("no JVM the command started left a readable recording; nothing to check");
            }
            return new Profiled(run.reports().get(0), exit == ExitCodes.INTERRUPTED);
        }
    }
}
