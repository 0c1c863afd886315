package dev.jbound.load.jfr;

import java.io.IOException;

/** The file is not a JFR recording, or its bytes break the format somewhere; the message says where. */
public final class JfrFormatException extends IOException {

    public JfrFormatException(String message) {
        super(message);
    }

    public JfrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
