package dev.jbound.cli;

import dev.jbound.model.Report;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.record.ScratchFiles;
import dev.jbound.target.TargetJvm;
import org.jline.terminal.Terminal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code jbound shell} remembers between commands: the JVM attached to, the last recording's
 * report and raw file (for {@code verdict}, {@code threads}, {@code save}), and the last thread dump
 * (its names complete {@code stack}).
 */
final class ShellSession implements Session {
    private final Terminal terminal;
    private TargetJvm attached;
    private Report last;
    private Path lastJfr;
    private ThreadSnapshot lastDump;
    private boolean exit;

    ShellSession(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public TargetJvm attached() {
        return attached;
    }

    void attach(TargetJvm jvm, ThreadSnapshot dump) {
        forgetRecording();
        attached = jvm;
        lastDump = dump;
    }

    void detach() {
        forgetRecording();
        attached = null;
        lastDump = null;
    }

    /** @param jfr a scratch copy of the raw recording, now the session's to delete */
    void recorded(Report report, Path jfr) {
        forgetRecording();
        last = report;
        lastJfr = jfr;
    }

    Report last() {
        return last;
    }

    Path lastJfr() {
        return lastJfr;
    }

    void dumped(ThreadSnapshot dump) {
        lastDump = dump;
    }

    /** Names of the attached JVM's threads, from the last recording and the last dump, for completion. */
    List<String> threadNames() {
        Set<String> names = new LinkedHashSet<>();
        if (last != null) last.threads().stream().map(ThreadRow::name).forEach(names::add);
        if (lastDump != null) lastDump.threads().forEach(t -> names.add(t.name()));
        return new ArrayList<>(names);
    }

    void requestExit() {
        exit = true;
    }

    boolean exitRequested() {
        return exit;
    }

    /** Deletes the scratch recording; called when a new one replaces it and when the shell ends. */
    void forgetRecording() {
        last = null;
        if (lastJfr != null) {
            ScratchFiles.delete(lastJfr);
            lastJfr = null;
        }
    }
}
