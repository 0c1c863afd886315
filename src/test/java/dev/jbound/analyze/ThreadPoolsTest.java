package dev.jbound.analyze;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadPoolsTest {
    @ParameterizedTest
    @CsvSource({
            "pool-3-thread-7, pool-3-thread-*",
            "http-nio-8080-exec-12, http-nio-8080-exec-*",
            "ForkJoinPool.commonPool-worker-2, ForkJoinPool.commonPool-worker-*",
            "GC Thread#1, GC Thread#*",
            "main, main",
            "Timer-0, Timer-*"})
    void aPoolIsTheNameWithoutItsTrailingNumber(String thread, String pool) {
        assertThat(ThreadPools.poolOf(thread)).isEqualTo(pool);
    }
}
