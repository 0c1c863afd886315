package dev.jbound.cli;

import dev.jbound.model.ReportDiff;
import dev.jbound.model.ReportSummary;
import dev.jbound.profile.RecordingAnalysis;
import dev.jbound.profile.ReportJudgements;
import dev.jbound.record.RecordingException;
import dev.jbound.render.ReportJsonReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** jbound diff BEFORE.json AFTER.json: what changed between two runs, with a regression gate for pipelines. */
@Command(name = "diff",
        description = {"Compare two reports written with --format json (attach, report, check, run): the class, each state's"
                + " share of active time, and the frames whose time moved most (ms per second of window).",
                "With --fail-on-regression, exit 1 when runqueue, io, lock or gc rose by more than that many percentage points."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound diff baseline.json current.json",
                "  jbound diff baseline.json current.json --fail-on-regression 5%% --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression beyond the threshold (or none given)",
                "1:a waiting state rose by more than --fail-on-regression",
                "2:usage error: a file missing, not JSON, not a jbound report, or of another schema version"})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "BEFORE.json", description = "The baseline report.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", description = "The report to compare with it.")
    Path after;

    @Option(names = "--fail-on-regression", paramLabel = "POINTS",
            description = "Exit 1 when runqueue, io, lock or gc rose by more than POINTS percentage points of active time (e.g. 5%% or 5).")
    String failOnRegression;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws RecordingException {
        double threshold = threshold();
        OutputOptions.checkWritable(spec, output, "--output");
        DistinctFiles.of(spec).and("BEFORE.json", before).and("--output", output);
        DistinctFiles.of(spec).and("AFTER.json", after).and("--output", output);
        ReportDiff diff = ReportJudgements.compare(read(before), read(after), threshold);
        Console console = parent.console();
        ReportOutput.write(output, console, (c, out) -> format.renderer(ReportDiff.class, c).render(diff, out));
        for (ReportDiff.StateChange r : diff.regressions()) {
            console.err().printf(Locale.US, "jbound: regression: %s rose %.1f points (%.1f%% → %.1f%% of active time), more than %.1f%n",
                    r.state().label(), r.points(), r.before() * 100, r.after() * 100, threshold);
        }
        console.err().flush();
        return diff.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private double threshold() {
        if (failOnRegression == null) return -1;
        String v = failOnRegression.trim();
        if (v.endsWith("%")) v = v.substring(0, v.length() - 1).trim();
        try {
            double p = Double.parseDouble(v);
            if (p >= 0 && p <= 100) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--fail-on-regression '" + failOnRegression
                + "' is not a percentage 0-100; write e.g. --fail-on-regression 5%");
    }

    private ReportSummary read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            // not text: a recording given where its report was meant, most likely
            throw new ParameterException(spec.commandLine(), file + (RecordingAnalysis.isJfr(file)
                    ? " is a JFR recording, not a report; make one with: jbound report " + file + " --format json --output FILE.json"
                    : " is not a report: diff compares two JSON reports (--format json)"));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), Files.isDirectory(file) ? file + " is a directory; name a report .json file"
                    : Files.exists(file) ? "cannot read " + file : "no such file: " + file);
        }
        try {
            return ReportJsonReader.read(file.toString(), text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
