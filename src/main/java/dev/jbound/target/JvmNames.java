package dev.jbound.target;

import dev.jbound.model.FoundJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * Which JVMs a name given instead of a pid means. A name equal to a JVM's main class, simple class
 * name or jar file name (with or without .jar) picks it out even when it is also part of other names ({@code Main} beside
 * {@code MainLoop}); otherwise every JVM whose main class or jar contains the name matches. Case-sensitive,
 * as class names are.
 */
final class JvmNames {
    private JvmNames() {
    }

    static List<FoundJvm> matching(String name, List<FoundJvm> jvms) {
        List<FoundJvm> exact = new ArrayList<>();
        List<FoundJvm> partial = new ArrayList<>();
        for (FoundJvm j : jvms) {
            if (j.mainClass().isEmpty()) continue;
            String simple = j.simpleName();
            if (name.equals(j.mainClass()) || name.equals(simple) || simple.endsWith(".jar") && name.equals(simple.substring(0, simple.length() - 4))) {
                exact.add(j);
            } else if (j.mainClass().contains(name)) {
                partial.add(j);
            }
        }
        return exact.isEmpty() ? partial : exact;
    }
}
