package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

import java.util.List;

/**
 * Whose code a frame is. The classifier stops its walk at the first {@link #APPLICATION} frame
 * (nothing below the caller can explain what the callee waits on) and reports the first
 * application frame below a blocking frame as the site a user should look at.
 */
public enum CodeOrigin {
    /** The JDK, the JVM, the language runtime, and all native and kernel code. */
    PLATFORM,
    /** Well-known drivers and libraries: not where the user would edit, but more telling than the JDK. */
    LIBRARY,
    /** Everything else: the user's code (and libraries jbound does not know). */
    APPLICATION;

    private static final List<String> PLATFORM_PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.coroutines.");

    // Drivers and libraries the frame table knows, plus the clients that reach them through
    // JDK sockets: their frames sit between the JDK's blocking frame and the user's call.
    private static final List<String> LIBRARY_PACKAGES = List.of(
            "org.postgresql.", "com.mysql.", "oracle.jdbc.", "oracle.net.", "com.microsoft.sqlserver.",
            "org.mariadb.jdbc.", "org.h2.", "com.zaxxer.hikari.", "org.apache.commons.pool2.",
            "org.apache.commons.dbcp2.", "io.netty.", "org.apache.kafka.", "org.apache.http.",
            "org.apache.hc.", "okhttp3.", "okio.", "redis.clients.jedis.", "io.lettuce.");

    public static CodeOrigin of(Frame frame) {
        if (!frame.isJava()) return PLATFORM;
        String className = frame.className();
        if (startsWithAny(className, PLATFORM_PACKAGES)) return PLATFORM;
        if (startsWithAny(className, LIBRARY_PACKAGES)) return LIBRARY;
        return APPLICATION;
    }

    /**
     * A native method of a library or the application (JNI: a storage engine, a codec), not of the
     * JDK: the JDK's blocking natives (socket reads, flushes, parks, sleeps) are named by the frame
     * rules, and its others (a CPU-time read, a copy) return at once.
     */
    public static boolean libraryNative(Stack stack) {
        if (stack.isEmpty()) return false;
        String c = stack.frames().get(0).className();
        return !(c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                || c.startsWith("com.sun."));
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) return true;
        }
        return false;
    }
}
