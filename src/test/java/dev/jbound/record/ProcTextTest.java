package dev.jbound.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** schedstat, /proc/PID/io and the CPU list format. */
class ProcTextTest {

    @Test
    void schedstatIsOnCpuThenRunDelay() {
        Schedstat s = Schedstat.parse("1523487310 48592113 2094\n");
        assertThat(s.onCpuNanos()).isEqualTo(1_523_487_310L);
        assertThat(s.runDelayNanos()).isEqualTo(48_592_113L);
        assertThatThrownBy(() -> Schedstat.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void procIoCounters() {
        ProcIo io = ProcIo.parse("rchar: 6976\nwchar: 131072\nsyscr: 10\nsyscw: 2\nread_bytes: 4096\n"
                + "write_bytes: 65536\ncancelled_write_bytes: 0\n");
        assertThat(io).isEqualTo(new ProcIo(6976, 131072, 4096, 65536, 10, 2));
        assertThat(ProcIo.parse("rchar: 1\n")).isEqualTo(new ProcIo(1, -1, -1, -1));
    }

    @Test
    void deltaIsUnknownWhenASideIsUnknownOrTheCounterWentBack() {
        assertThat(ProcIo.delta(100, 250)).isEqualTo(150);
        assertThat(ProcIo.delta(-1, 250)).isEqualTo(-1);
        assertThat(ProcIo.delta(300, 250)).isEqualTo(-1);
    }

    @Test
    void cpuListCountsRangesAndSingles() {
        assertThat(CpuList.count("0-3,8,10-11")).isEqualTo(7);
        assertThat(CpuList.count("0-1\n")).isEqualTo(2);
        assertThat(CpuList.count("5")).isEqualTo(1);
        assertThat(CpuList.count("")).isZero();
        assertThatThrownBy(() -> CpuList.count("3-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpusAllowedListFromStatus() {
        String status = "Name:\tjava\nCpus_allowed:\t0f01\nCpus_allowed_list:\t0-3,8\nMems_allowed:\t1\n";
        assertThat(CpuList.allowedListFromStatus(status)).isEqualTo("0-3,8");
        assertThat(CpuList.allowedListFromStatus("Name:\tjava\n")).isNull();
    }
}
