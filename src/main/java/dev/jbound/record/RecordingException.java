package dev.jbound.record;

/** Recording could not be started or finished. The message is one line a user can act on. */
public class RecordingException extends Exception {
    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
