package dev.jbound.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupTextTest {

    private static final String V1_CGROUP = "12:pids:/docker/abc\n4:cpu,cpuacct:/docker/abc\n3:memory:/docker/abc\n0::/system.slice\n";
    private static final String V2_CGROUP = "0::/user.slice/user-1000.slice/session-3.scope\n";
    private static final String MOUNTINFO = """
            22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 /docker/abc /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct
            33 31 0:30 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,nsdelegate
            """;

    @Test
    void membershipPicksTheV1CpuLineOrTheV2Line() {
        assertThat(CgroupText.membership(V1_CGROUP, false)).isEqualTo("/docker/abc");
        assertThat(CgroupText.membership(V1_CGROUP, true)).isEqualTo("/system.slice");
        assertThat(CgroupText.membership(V2_CGROUP, true)).isEqualTo("/user.slice/user-1000.slice/session-3.scope");
        assertThat(CgroupText.membership(V2_CGROUP, false)).isNull();
    }

    @Test
    void mountinfoKeepsCgroup2AndTheV1CpuHierarchy() {
        assertThat(CgroupText.cpuMounts(MOUNTINFO)).containsExactly(
                new CgroupText.Mount("/sys/fs/cgroup/cpu,cpuacct", "/docker/abc", false),
                new CgroupText.Mount("/sys/fs/cgroup/unified", "/", true));
    }

    @Test
    void mountinfoUnescapesOctal() {
        List<CgroupText.Mount> mounts = CgroupText.cpuMounts("40 31 0:38 / /mnt/my\\040cgroup rw - cgroup2 none rw\n");
        assertThat(mounts.get(0).mountPoint()).isEqualTo("/mnt/my cgroup");
    }

    @Test
    void directoryStripsTheMountRoot() {
        CgroupText.Mount v1 = new CgroupText.Mount("/sys/fs/cgroup/cpu", "/docker/abc", false);
        assertThat(CgroupText.directory(v1, "/docker/abc")).isEqualTo("/sys/fs/cgroup/cpu");
        assertThat(CgroupText.directory(v1, "/docker/abc/inner")).isEqualTo("/sys/fs/cgroup/cpu/inner");
        assertThat(CgroupText.directory(v1, "/docker/abcdef")).isNull();
        CgroupText.Mount v2 = new CgroupText.Mount("/sys/fs/cgroup", "/", true);
        assertThat(CgroupText.directory(v2, "/a/b")).isEqualTo("/sys/fs/cgroup/a/b");
        assertThat(CgroupText.directory(v2, "/")).isEqualTo("/sys/fs/cgroup");
    }

    @Test
    void quotasInCpus() {
        assertThat(CgroupText.cpuMax("max 100000\n")).isNaN();
        assertThat(CgroupText.cpuMax("150000 100000\n")).isEqualTo(1.5);
        assertThat(CgroupText.cfsQuota("-1\n", "100000\n")).isNaN();
        assertThat(CgroupText.cfsQuota("50000\n", "100000\n")).isEqualTo(0.5);
    }

    @Test
    void throttlingFromV2UsecAndV1Nanos() {
        String v2 = "usage_usec 8000000\nuser_usec 7000000\nsystem_usec 1000000\nnr_periods 120\n"
                + "nr_throttled 37\nthrottled_usec 2500000\nnr_bursts 0\nburst_usec 0\n";
        assertThat(CgroupText.throttle(v2)).isEqualTo(new CgroupText.Throttle(37, 2_500_000_000L));
        String v1 = "nr_periods 120\nnr_throttled 12\nthrottled_time 987654321\nnr_bursts 0\nburst_time 0\n";
        assertThat(CgroupText.throttle(v1)).isEqualTo(new CgroupText.Throttle(12, 987_654_321L));
    }
}
