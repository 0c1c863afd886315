package dev.jbound.cli;

import dev.jbound.model.JvmScan;
import dev.jbound.target.JvmScanner;
import dev.jbound.target.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** jbound ps: the JVMs on this machine and whether jbound can attach to them. */
@Command(name = "ps",
        description = {"List the JVMs on this machine: pid, user, uptime, threads, CPU use, JDK version,"
                + " whether jbound can attach (and why not) and the main class or jar.",
                "CPU%% is measured over 0.2 s for all JVMs at once, in percent of one CPU."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound ps",
                "  jbound ps --format json | jq -r '.jvms[] | select(.attachable) | .pid'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the list was printed (also when it is empty)",
                "2:usage error",
                "3:/proc cannot be read"})
public final class PsCommand implements Callable<Integer> {

    @ParentCommand
    JboundCommand parent;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.text;

    @Override
    public Integer call() throws TargetException {
        JvmScan scan = JvmScanner.scan(JvmScanner.CPU_SAMPLE);
        Console console = parent.console();
        format.renderer(JvmScan.class, console).render(scan, console.out());
        console.out().flush();
        return ExitCodes.OK;
    }
}
