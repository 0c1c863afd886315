package dev.jbound.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk from a process's cgroup to the root, on fake hierarchies in a temp directory. */
class CgroupCpuLimitTest {

    @TempDir
    Path root;

    @Test
    void v2TakesTheTightestQuotaOnThePathAndItsThrottling() throws IOException {
        write(root.resolve("cgroup.controllers"), "cpu io memory");
        write(root.resolve("kubepods/cpu.max"), "200000 100000");
        write(root.resolve("kubepods/cpu.stat"), "nr_throttled 4\nthrottled_usec 1000\n");
        write(root.resolve("kubepods/pod1/cpu.max"), "max 100000");
        write(root.resolve("kubepods/pod1/app/cpu.max"), "max 100000");
        write(root.resolve("kubepods/pod1/app/cpu.stat"), "nr_throttled 0\nthrottled_usec 0\n");
        CgroupCpuLimit limit = CgroupCpuLimit.locate("0::/kubepods/pod1/app\n", mountinfo("cgroup2", "rw"));
        assertThat(limit.quotaCpus()).isEqualTo(2.0);
        assertThat(limit.throttle()).isEqualTo(new CgroupText.Throttle(4, 1_000_000));
    }

    @Test
    void v2WithoutAnyQuotaReadsItsOwnCpuStat() throws IOException {
        write(root.resolve("app/cpu.max"), "max 100000");
        write(root.resolve("app/cpu.stat"), "nr_throttled 0\nthrottled_usec 0\n");
        CgroupCpuLimit limit = CgroupCpuLimit.locate("0::/app\n", mountinfo("cgroup2", "rw"));
        assertThat(limit.quotaCpus()).isNaN();
        assertThat(limit.throttle()).isEqualTo(new CgroupText.Throttle(0, 0));
    }

    @Test
    void v1UsesTheCpuHierarchyEvenWhenCgroup2IsMountedToo() throws IOException {
        write(root.resolve("cpu.cfs_quota_us"), "-1");
        write(root.resolve("cpu.cfs_period_us"), "100000");
        write(root.resolve("batch/cpu.cfs_quota_us"), "50000");
        write(root.resolve("batch/cpu.cfs_period_us"), "100000");
        write(root.resolve("batch/cpu.stat"), "nr_periods 9\nnr_throttled 3\nthrottled_time 42\n");
        String mountinfo = mountinfo("cgroup", "rw,cpu,cpuacct") + "41 31 0:38 / /nowhere rw - cgroup2 cgroup2 rw\n";
        CgroupCpuLimit limit = CgroupCpuLimit.locate("4:cpu,cpuacct:/batch\n0::/\n", mountinfo);
        assertThat(limit.quotaCpus()).isEqualTo(0.5);
        assertThat(limit.throttle()).isEqualTo(new CgroupText.Throttle(3, 42));
    }

    @Test
    void missingCgroupDirectoryIsANoteNotAFailure() {
        CgroupCpuLimit limit = CgroupCpuLimit.locate("0::/gone\n", mountinfo("cgroup2", "rw"));
        assertThat(limit.quotaCpus()).isNaN();
        assertThat(limit.note()).contains("not found");
        assertThat(limit.throttle()).isEqualTo(CgroupText.Throttle.UNKNOWN);
    }

    private String mountinfo(String fsType, String superOptions) {
        return "32 31 0:29 / " + root + " rw,relatime - " + fsType + " " + fsType + " " + superOptions + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
