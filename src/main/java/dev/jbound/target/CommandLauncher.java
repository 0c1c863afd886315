package dev.jbound.target;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Starts the command {@code jbound run} profiles, as a shell would: stdin, stdout and stderr are
 * the user's, the environment is jbound's plus one option appended to {@code JAVA_TOOL_OPTIONS},
 * which every JVM the command starts (directly, or through {@code mvn}, {@code gradle} or a shell
 * script) reads before its first instruction.
 */
public final class CommandLauncher {

    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private CommandLauncher() {
    }

    /**
     * @param javaToolOptions JVM options, each unquoted, appended to the user's JAVA_TOOL_OPTIONS
     * @throws TargetException when the command cannot be run (not found, not executable)
     */
    public static LaunchedCommand start(List<String> command, List<String> javaToolOptions) throws TargetException {
        if (command.isEmpty()) throw new IllegalArgumentException("no command");
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = pb.environment();
        String options = env.get(JAVA_TOOL_OPTIONS);
        for (String option : javaToolOptions) options = appendOption(options, option);
        env.put(JAVA_TOOL_OPTIONS, options);
        try {
            return new LaunchedCommand(pb.start(), command);
        } catch (IOException e) {
            throw new TargetException("cannot run '" + command.get(0) + "': " + reason(e));
        }
    }

    /** The user's options come first and stay as they were; ours follows. */
    static String appendOption(String existing, String option) {
        String quoted = quote(option);
        return existing == null || existing.isBlank() ? quoted : existing.strip() + " " + quoted;
    }

    /**
     * The JVM splits JAVA_TOOL_OPTIONS at white space and honours single and double quotes around
     * an option, so an option with spaces (a home directory "John Smith") is quoted.
     */
    static String quote(String option) {
        if (option.chars().noneMatch(Character::isWhitespace)) return option;
        if (!option.contains("\"")) return "\"" + option + "\"";
        if (!option.contains("'")) return "'" + option + "'";
        throw new IllegalArgumentException("cannot quote an option with both quote characters: " + option);
    }

    /** "Cannot run program "x": error=2, No such file or directory" → what the user can act on. */
    private static String reason(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("error=2,")) return "no such command (not found on PATH, or no such file)";
        if (msg.contains("error=13,")) return "permission denied (is it executable?)";
        int comma = msg.indexOf(", ");
        return comma >= 0 && msg.startsWith("Cannot run program") ? msg.substring(comma + 2) : msg;
    }
}
