package dev.jbound.cli;

import dev.jbound.model.LiveTick;
import dev.jbound.profile.LiveSampler;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.render.live.TopScreen;
import dev.jbound.render.live.TopView;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** jbound top PID|NAME: a live, full-screen view of every thread's states, refreshed each interval. */
@Command(name = "top",
        description = {"Show a running JVM live, full screen: process CPU, the last interval's breakdown and the verdict so far,"
                + " then one row per thread with a state bar (cpu, runqueue, io, lock, gc, wait), CPU%%, and the lock it waits"
                + " for or holds, else its top frame.",
                "Keys: q quit, p pause, s sort, r reverse, / filter by name, arrows select, Enter show the thread's stack,"
                        + " t the JVM's own threads, ? help.",
                "Needs a terminal; in scripts and pipelines use attach, which records one window."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound top 12345",
                "  jbound top OrderService --interval 2s"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quit with q, or the target exited",
                "2:usage error, or no terminal to draw on",
                "3:target not found or not attachable",
                "4:recording failed",
                "130:interrupted by Ctrl-C, after printing the verdict so far"})
public final class TopCommand implements Callable<Integer> {
    static final Duration MIN_INTERVAL = Duration.ofMillis(500);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID|NAME",
            description = "The JVM: a pid, or a name as for attach. In the shell, the attached JVM when left out.")
    String target;

    @Option(names = "--interval", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How often the view refreshes: each refresh is one recorded interval (500ms to 60s). Default: 1s.")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--recorder", paramLabel = "RECORDER",
            description = "Which recorder: ${COMPLETION-CANDIDATES}, as for attach. Default: ${DEFAULT-VALUE}.")
    RecorderOption recorder = RecorderOption.auto;

    @Override
    public Integer call() throws TargetException, RecordingException {
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be between 500ms and 60s, not " + interval.toMillis() + "ms");
        }
        Session session = parent.session;
        if (session == null && (!parent.tty || System.console() == null)) {
            throw new ParameterException(spec.commandLine(), "top needs a terminal on stdin and stdout;"
                    + " to record from a script or pipe, use: jbound attach PID --duration 10s");
        }
        TargetJvm jvm = parent.target(spec.commandLine(), target);
        Console console = parent.console();
        TopView.Outcome outcome;
        if (session != null) {
            if (dumb(session.terminal())) {
                throw new ParameterException(spec.commandLine(), "top needs a terminal; the shell reads a pipe or a dumb terminal");
            }
            outcome = show(session.terminal(), jvm, console);
        } else {
            // Ctrl-C is the view's (it quits); after the view, while the profiler stops, it must not kill jbound
            try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
                if (dumb(terminal)) {
                    throw new ParameterException(spec.commandLine(), "top needs a terminal that can move the cursor (TERM is "
                            + System.getenv("TERM") + "); use: jbound attach PID");
                }
                outcome = show(terminal, jvm, console);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot open the terminal: " + e.getMessage());
            }
        }
        return finish(outcome, jvm, console);
    }

    static boolean dumb(Terminal terminal) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    private TopView.Outcome show(Terminal terminal, TargetJvm jvm, Console console) {
        RecordingSettings tick = RecordingSettings.defaults(interval);
        LiveSampler sampler = new LiveSampler(jvm, tick, recorder.choice());
        TopScreen screen = new TopScreen(new TopScreen.Target(jvm.pid(), jvm.mainClass(), jvm.jvmVersion(),
                interval.toMillis() / 1000.0), console.color(), console.unicode());
        return new TopView(terminal, screen).run(new TopView.TickSource() {
            @Override
            public LiveTick next() throws Exception {
                return sampler.next();
            }

            @Override
            public void wantDump(boolean want) {
                sampler.wantDump(want);
            }
        });
    }

    /**
     * After the screen is restored: the verdict so far on stdout, why it ended on stderr. A target
     * that died mid-interval is an ending, not an error. Ctrl-C exits 130 as everywhere else.
     */
    private static int finish(TopView.Outcome outcome, TargetJvm jvm, Console console) throws TargetException, RecordingException {
        Exception e = outcome.error();
        boolean exited = outcome.targetExited() || e != null && !ProcessIdentity.isAlive(jvm.pid());
        if (exited) e = null;
        if (e instanceof TargetException t) throw t;
        if (e instanceof RecordingException r) throw r;
        if (e instanceof RuntimeException r) throw r;
        if (e != null) throw new RecordingException(e.getMessage(), e);
        if (outcome.last() != null) console.out().println(TopScreen.summary(outcome.last()));
        if (exited) console.err().println("jbound: pid " + jvm.pid() + " exited");
        console.out().flush();
        console.err().flush();
        return outcome.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
