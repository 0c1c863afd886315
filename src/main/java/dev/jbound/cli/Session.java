package dev.jbound.cli;

import dev.jbound.target.TargetJvm;
import org.jline.terminal.Terminal;

/**
 * What a command run inside {@code jbound shell} may use of the shell: its terminal (top draws on
 * it instead of opening another) and the JVM attached to, for commands given no PID|NAME.
 */
public interface Session {
    Terminal terminal();

    /** The JVM the shell is attached to, or null. */
    TargetJvm attached();
}
