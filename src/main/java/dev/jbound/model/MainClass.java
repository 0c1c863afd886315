package dev.jbound.model;

import java.util.List;
import java.util.Set;

/** Finds the main class or jar in a java command line, as {@code jps -l} shows it. */
public final class MainClass {
    /** Launcher options that take the next argument as their value. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-modules",
            "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--limit-modules",
            "--upgrade-module-path", "--enable-native-access");

    private MainClass() {
    }

    /** The last part of a main class ({@code Foo} for {@code com.x.Foo}), or a jar's file name ({@code app.jar}). */
    public static String simpleName(String mainClass) {
        String s = mainClass.substring(mainClass.lastIndexOf('/') + 1); // a jar's directory, or a module name
        if (s.endsWith(".jar")) return s;
        return s.substring(s.lastIndexOf('.') + 1);
    }

    public static String of(List<String> cmd) {
        for (int i = 1; i < cmd.size(); i++) {
            String arg = cmd.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < cmd.size() ? cmd.get(i + 1) : "";
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return cmd.isEmpty() ? "" : cmd.get(0);
    }
}
