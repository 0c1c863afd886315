package dev.jbound.profile;

import dev.jbound.model.Report;
import dev.jbound.model.RunReport;
import dev.jbound.model.RunReport.JvmResult;
import dev.jbound.record.LaunchedJvms;
import dev.jbound.record.RecordedJvm;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.record.ScratchDirectory;
import dev.jbound.record.StartupRecorder;
import dev.jbound.target.CommandLauncher;
import dev.jbound.target.LaunchedCommand;
import dev.jbound.target.TargetException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * launch → every JVM the command starts records itself → analyse: the data path of {@code jbound run}.
 *
 * <p>The command runs as it would without jbound: the user's stdin, stdout and stderr, and its exit
 * code. The window is its whole run, or ends at {@code settings.duration()}; then recording stops
 * in every JVM, the verdict is given, and the command goes on unprofiled (py-spy kills a program
 * it launched when its recording ends; a build or a service cut short is worse than one that
 * finishes, and the exit code stays the command's).
 */
public final class CommandProfile implements AutoCloseable {

    /**
     * @param everyJvm report every JVM the command starts, not only the first
     * @param keepJfr  where to keep the first reported JVM's recording (the others' beside it, with their pid), or null
     * @param keepFirstRecording hold the first reported JVM's recording as read, for {@link #firstRecording}
     */
    public record Options(List<String> command, RecordingSettings settings, boolean everyJvm, Path keepJfr,
                          boolean keepFirstRecording) {
        public Options {
            command = List.copyOf(command);
        }
    }

    /** How many of the unreported JVMs the note names. */
    private static final int NAMED_OTHERS = 3;

    private final Options options;
    private final StartupRecorder recorder;
    private final Path dir;
    private final LaunchedJvms jvms;
    private final LaunchedCommand command;
    private final long startNanos;
    private final Thread onJboundExit;
    private volatile long interruptedAfterNanos = -1;
    /** The first reported JVM's recording as read, for the pages (--html, --flame); null until analysed or if unreadable. */
    private LoadedRecording firstRecording;

    private CommandProfile(Options options, StartupRecorder recorder, Path dir, LaunchedJvms jvms, LaunchedCommand command) {
        this.options = options;
        this.recorder = recorder;
        this.dir = dir;
        this.jvms = jvms;
        this.command = command;
        this.startNanos = System.nanoTime();
        // SIGTERM or SIGHUP to jbound: the command goes too, and no JVM is left recording.
        this.onJboundExit = new Thread(() -> {
            if (command.isAlive()) command.terminate();
            jvms.close();
            ScratchDirectory.deleteQuietly(dir);
        }, "jbound-end-command");
        Runtime.getRuntime().addShutdownHook(onJboundExit);
    }

    /**
     * Starts the command with {@code recorder}'s option in its JAVA_TOOL_OPTIONS.
     *
     * @throws TargetException    the command cannot be run
     * @throws RecordingException the recorder cannot be set up
     */
    public static CommandProfile launch(Options options, StartupRecorder recorder) throws TargetException, RecordingException {
        Path dir = ScratchDirectory.create();
        LaunchedJvms jvms = new LaunchedJvms(recorder, dir, options.everyJvm());
        try {
            List<String> option = recorder.javaToolOptions(dir, options.settings());
            jvms.start();
            return new CommandProfile(options, recorder, dir, jvms, CommandLauncher.start(options.command(), option));
        } catch (TargetException | RecordingException | RuntimeException e) {
            jvms.close();
            ScratchDirectory.deleteQuietly(dir);
            throw e;
        }
    }

    /** Ctrl-C: passed on to the command; the verdict follows when it ends. Safe to call from a signal handler. */
    public void interrupt() {
        if (interruptedAfterNanos < 0) interruptedAfterNanos = System.nanoTime() - startNanos;
        command.interrupt();
    }

    /** Waits until the command ends or the window passes, then analyses what the reported JVMs recorded. */
    public RunReport awaitVerdict() {
        boolean ended = waitForCommand(options.settings().duration().toNanos());
        return analyse(jvms.finish(), ended);
    }

    /**
     * The first reported JVM's recording as {@link #awaitVerdict} read it; null when it could not be
     * read or {@link Options#keepFirstRecording} was not asked.
     */
    public LoadedRecording firstRecording() {
        return firstRecording;
    }

    /** Waits for the command to end (it may outlive the window) and returns its exit code. */
    public int awaitExit() {
        while (true) {
            try {
                if (command.awaitExit(Long.MAX_VALUE)) return command.exitCode();
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }

    /** @return whether the command ended (rather than the window passing) */
    private boolean waitForCommand(long windowNanos) {
        while (true) {
            long left = windowNanos - (System.nanoTime() - startNanos);
            if (left <= 0) return !command.isAlive();
            try {
                if (command.awaitExit(left)) return true;
            } catch (InterruptedException e) {
                // An interrupt of this thread means what Ctrl-C means. It is not left set: reading
                // the recordings back would fail on it.
                interrupt();
            }
        }
    }

    private RunReport analyse(List<RecordedJvm> recorded, boolean ended) {
        List<RecordedJvm> reported = recorded.stream().filter(RecordedJvm::followed).toList();
        List<String> notes = runNotes(recorded, reported, ended);
        List<JvmResult> results = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            results.add(analyse(reported.get(i), notes, ended, i == 0, keepAs(i, reported.get(i).pid())));
        }
        return new RunReport(options.everyJvm(), ended, results, notes);
    }

    /** @param first the first reported JVM, whose recording stays in memory for the pages */
    private JvmResult analyse(RecordedJvm jvm, List<String> runNotes, boolean ended, boolean first, Path keep) {
        var t = jvm.target();
        LoadedRecording recording;
        try {
            recording = RecordingAnalysis.load(jvm.jfr());
        } catch (RecordingException e) {
            String problem = !jvm.runningAtEnd()
                    ? "ended without completing its recording (killed, e.g. with SIGKILL, or crashed)"
                    : jvm.stopProblem() != null ? jvm.stopProblem() : e.getMessage();
            return new JvmResult(t.pid(), t.mainClass(), null, problem);
        }
        if (first && options.keepFirstRecording()) firstRecording = recording;
        List<String> notes = new ArrayList<>(options.everyJvm() ? List.of() : runNotes);
        if (jvm.runningAtEnd() && ended) notes.add("it still ran when the command ended: its recording stops there, and it runs on");
        if (keep != null) {
            try {
                RecordingAnalysis.keep(jvm.jfr(), keep);
            } catch (RecordingException e) {
                notes.add("the raw recording was not kept: " + e.getMessage());
            }
        }
        Report report = RecordingAnalysis.analyze(recording, jvm.os(),
                jvm.runningAtEnd() && options.settings().threadDump() ? recorder::threadDump : null,
                new Report.Target(t.pid(), t.mainClass(), t.jvmVersion()), recorder.name(), notes).report();
        return new JvmResult(t.pid(), t.mainClass(), report, null);
    }

    private List<String> runNotes(List<RecordedJvm> recorded, List<RecordedJvm> reported, boolean ended) {
        List<String> notes = new ArrayList<>();
        long interrupted = interruptedAfterNanos;
        if (interrupted >= 0) {
            notes.add(String.format(Locale.US, "interrupted (Ctrl-C) %.1f s after the command started; passed on to the command",
                    interrupted / 1e9));
        }
        if (!ended) {
            notes.add(String.format(Locale.US, "recording stopped at the end of the %.1f s window (--duration); the command goes on, unprofiled",
                    options.settings().duration().toMillis() / 1000.0));
        }
        List<RecordedJvm> others = recorded.stream().filter(j -> !j.followed()).toList();
        if (!others.isEmpty() && !reported.isEmpty()) {
            String named = others.stream().limit(NAMED_OTHERS).map(CommandProfile::describe).collect(Collectors.joining(", "));
            notes.add(String.format(Locale.US, "%d more JVM%s ran (%s%s); use --subprocesses for a verdict on each",
                    others.size(), others.size() == 1 ? "" : "s", named, others.size() > NAMED_OTHERS ? ", ..." : ""));
        }
        return notes;
    }

    private static String describe(RecordedJvm jvm) {
        String main = jvm.target().mainClass();
        return "pid " + jvm.pid() + (main.isBlank() ? "" : " " + main);
    }

    /** The first reported JVM's recording goes where the user asked; each other one beside it, named with its pid. */
    private Path keepAs(int index, long pid) {
        Path keep = options.keepJfr();
        if (keep == null || index == 0) return keep;
        String name = keep.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String withPid = dot > 0 ? name.substring(0, dot) + "-" + pid + name.substring(dot) : name + "-" + pid;
        return keep.resolveSibling(withPid);
    }

    /**
     * Stops recording in JVMs that started after the window and still run, and deletes the
     * recordings. Call once the command ended; if it still runs (jbound failed), it is ended with
     * jbound.
     */
    @Override
    public void close() {
        jvms.close();
        ScratchDirectory.deleteQuietly(dir);
        if (!command.isAlive()) {
            try {
                Runtime.getRuntime().removeShutdownHook(onJboundExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }
}
