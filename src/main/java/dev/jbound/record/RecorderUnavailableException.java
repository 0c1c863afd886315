package dev.jbound.record;

/**
 * A recorder could not start in the target at all (async-profiler's library refused, e.g. under
 * -XX:-EnableDynamicAgentLoading), so another recorder may still work; nothing was left running.
 */
public final class RecorderUnavailableException extends RecordingException {
    public RecorderUnavailableException(String message) {
        super(message);
    }

    public RecorderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
