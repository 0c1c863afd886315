package dev.jbound.analyze;

import java.util.regex.Pattern;

/**
 * Groups threads into pools by name: executors number their threads at the end
 * ({@code pool-3-thread-7}, {@code http-nio-8080-exec-12}, {@code ForkJoinPool.commonPool-worker-2}),
 * so the name with its trailing number replaced by {@code *} is the pool.
 */
public final class ThreadPools {
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+$");

    private ThreadPools() {
    }

    public static String poolOf(String threadName) {
        return TRAILING_NUMBER.matcher(threadName).replaceFirst("*");
    }
}
