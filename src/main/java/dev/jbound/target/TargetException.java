package dev.jbound.target;

/** The target cannot be found or attached to. The message is one line a user can act on. */
public final class TargetException extends Exception {
    public TargetException(String message) {
        super(message);
    }
}
