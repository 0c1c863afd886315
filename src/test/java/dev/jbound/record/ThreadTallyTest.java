package dev.jbound.record;

import dev.jbound.target.TaskStat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadTallyTest {

    private static final SyscallTable X86 = SyscallTable.forArch("amd64");
    /** fdatasync and futex on x86_64. */
    private static final WaitProbe.Seen FLUSH = new WaitProbe.Seen(X86.entry(75), List.of("/data/000004.log"));
    private static final WaitProbe.Seen FUTEX = new WaitProbe.Seen(X86.entry(202), List.of());

    private static ThreadTally tally() {
        return new ThreadTally(7, TaskStat.parse("7 (rocks-writer-0) R 1 1 1 0 -1 0 0 0 0 0 100 40 0 0"), null, false, 0);
    }

    @Test
    void aThreadMostlyFoundFlushingIsTakenToBeFlushingWhenFoundRunning() {
        ThreadTally t = tally();
        assertThat(t.mostlyInFileIo()).isFalse();
        t.blockedIn(FLUSH, true, true, false);
        assertThat(t.mostlyInFileIo()).as("one poll is not 'mostly'").isFalse();
        t.blockedIn(FLUSH, false, true, false);
        t.blockedIn(FUTEX, false, false, true);
        assertThat(t.mostlyInFileIo()).isTrue();
        t.blockedIn(FUTEX, false, false, true);
        assertThat(t.mostlyInFileIo()).as("half is not most").isFalse();
    }

    @Test
    void itsSystemTimeIsTheKernelsShareOfItsTicks() {
        ThreadTally t = tally();
        t.ended(TaskStat.parse("7 (rocks-writer-0) R 1 1 1 0 -1 0 0 0 0 0 130 190 0 0"), null, 1_000_000_000L);
        var activity = t.toActivity(new WaitProbe(ProcessHandle.current().pid(), new ProcFileReader()));
        assertThat(activity.cpuNanos()).isEqualTo((30 + 150) * TaskStat.NANOS_PER_TICK);
        assertThat(activity.systemCpuNanos()).isEqualTo(150 * TaskStat.NANOS_PER_TICK);
    }
}
