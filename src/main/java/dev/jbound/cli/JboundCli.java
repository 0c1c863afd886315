package dev.jbound.cli;

import java.io.PrintStream;

/** Builds the command line and runs it; tests call {@link #run} with their own streams. */
public final class JboundCli {
    private JboundCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("jbound: not implemented yet");
        return 2;
    }
}
