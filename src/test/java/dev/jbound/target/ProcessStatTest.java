package dev.jbound.target;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessStatTest {

    // A java process's line: utime 14 (1520), stime 15 (83), num_threads 20 (23), starttime 22 (3301108).
    private static final String JAVA = "19874 (java) S 17083 19874 17083 0 -1 4194304 17421 0 3 0 1520 83 0 0 20 0 "
            + "23 0 3301108 3792363520 11034 18446744073709551615 1 1 0 0 0 0 0 16781312 16796879 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsCpuThreadsAndStartTime() {
        TaskStat s = TaskStat.parseProcess(JAVA);
        assertThat(s.comm()).isEqualTo("java");
        assertThat(s.cpuTicks()).isEqualTo(1520 + 83);
        assertThat(s.threads()).isEqualTo(23);
        assertThat(s.startTicks()).isEqualTo(3301108);
    }

    @Test
    void aCommWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
        TaskStat s = TaskStat.parseProcess(JAVA.replace("(java) S", "(ja) 1 2 (va) S"));
        assertThat(s.comm()).isEqualTo("ja) 1 2 (va");
        assertThat(s.threads()).isEqualTo(23);
    }

    @Test
    void aShortOrForeignLineIsRefused() {
        assertThatThrownBy(() -> TaskStat.parseProcess("19874 (java) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskStat.parseProcess("no parentheses")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesThisProcesssOwnLine() throws Exception {
        TaskStat s = TaskStat.parseProcess(Files.readString(Path.of("/proc/self/stat")));
        long tasks;
        try (var list = Files.list(Path.of("/proc/self/task"))) {
            tasks = list.count();
        }
        assertThat((long) s.threads()).isBetween(tasks - 3, tasks + 3);
        assertThat(s.comm()).isEqualTo("java");
    }
}
