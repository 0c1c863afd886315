package dev.jbound.cli;

import dev.jbound.model.Report;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The shell's last recording, or the one line that says how to make one. */
final class LastRecording {
    private LastRecording() {
    }

    static Report of(JboundCommand parent, CommandLine commandLine) {
        ShellSession session = (ShellSession) parent.session;
        if (session.last() != null) return session.last();
        throw new ParameterException(commandLine, session.attached() == null
                ? "nothing recorded yet: attach PID|NAME, then record [DURATION]"
                : "nothing recorded yet: record [DURATION]");
    }
}
