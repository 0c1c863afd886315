package dev.jbound.cli;

/**
 * A file the user named (--output, --html, --flame) could not be written: their error to fix (a
 * full disk, a directory gone), so a usage error with its own line, not "recording failed".
 */
final class OutputWriteException extends RuntimeException {
    OutputWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
