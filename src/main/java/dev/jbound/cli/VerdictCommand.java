package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Shell: verdict prints the last recording's report again, in any format. */
@Command(name = "verdict", description = "Print the last recording's report again: the verdict, its numbers and the strategy.",
        footerHeading = "%nExamples:%n", footer = {"  verdict", "  verdict --format json --output run1.json"})
final class VerdictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws RecordingException {
        output.validate();
        ProfileRunner.write(LastRecording.of(parent, spec.commandLine()), output.format, output.output, parent.console());
        return ExitCodes.OK;
    }
}
