package dev.jbound.cli;

/** jbound's exit codes (DESIGN.md), defined once. */
public final class ExitCodes {
    public static final int OK = 0;
    /** a `check` assertion failed */
    public static final int CHECK_FAILED = 1;
    /** bad command line or option value */
    public static final int USAGE = 2;
    /** target not found or not attachable */
    public static final int TARGET = 3;
    /** recording (or reading it back) failed; also internal errors, which print a stack trace */
    public static final int RECORDING = 4;
    /** interrupted (Ctrl-C) after printing what was gathered: 128 + SIGINT */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
