package dev.jbound.cli;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.record.RecordingException;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** jbound demo [WORKLOAD]: start a built-in workload in a child JVM and profile it. */
@Command(name = "demo",
        description = "Start a built-in workload in a child JVM and profile it, to see a real verdict in seconds.",
        footerHeading = "%nExamples:%n",
        footer = {"  jbound demo", "  jbound demo lock", "  jbound demo io --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed",
                "2:usage error (an unknown workload, a --java that is not executable), or an output file could not be written",
                "3:the workload JVM could not be attached to",
                "4:the workload did not start, or recording failed",
                "130:interrupted by Ctrl-C, after printing the verdict so far"})
public final class DemoCommand implements Callable<Integer> {

    /** Long enough for the JIT to compile the hot loops, so the window sees steady state. */
    static final Duration WARM_UP = Duration.ofMillis(1500);
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKLOAD", completionCandidates = WorkloadNames.class,
            description = "The workload to run: ${COMPLETION-CANDIDATES}. Default: mixed.")
    String workload = "mixed";

    @Option(names = "--java", paramLabel = "PATH",
            description = "The java executable for the workload JVM (default: the one running jbound).")
    Path java;

    @Mixin
    ProfileOptions options;

    @Override
    public Integer call() throws TargetException, RecordingException {
        Workload w = Workload.byId(workload).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown workload '" + workload + "'; choose one of " + String.join(", ", new WorkloadNames())));
        if (java != null && !Files.isExecutable(java)) {
            throw new ParameterException(spec.commandLine(), "--java " + java + " is not an executable file");
        }
        ProfileSettings settings = options.validated(DEFAULT_DURATION);
        Console console = parent.console();
        console.err().println("jbound: starting the '" + w.id() + "' workload: " + w.description());
        console.err().flush();
        Warmup warmup = Warmup.start(settings.format());
        try (RunningWorkload running = WorkloadLauncher.start(w, java, List.of())) {
            Thread.sleep(WARM_UP.toMillis());
            return ProfileRunner.run(TargetFinder.byPid(running.pid()), settings, console, warmup);
        } catch (IOException e) {
            throw new RecordingException("cannot start the demo workload: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    /** Workload ids for help text and shell completion. */
    static final class WorkloadNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(Workload.values()).map(Workload::id).collect(Collectors.toList()).iterator();
        }
    }
}
