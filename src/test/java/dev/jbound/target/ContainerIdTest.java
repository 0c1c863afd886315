package dev.jbound.target;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The container id in the cgroup paths Docker, containerd, CRI-O and Kubernetes write. */
class ContainerIdTest {
    private static final String ID = "3f4b1c2d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";

    @Test
    void theIdIsFoundInEachRuntimesPath() {
        assertThat(ContainerId.fromCgroupLine("0::/system.slice/docker-" + ID + ".scope")).contains(ID);
        assertThat(ContainerId.fromCgroupLine("12:memory:/docker/" + ID)).contains(ID);
        assertThat(ContainerId.fromCgroupLine("0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-" + ID + ".scope")).contains(ID);
        assertThat(ContainerId.fromCgroupLine("0::/kubepods/besteffort/pod9a7e/" + ID)).contains(ID);
        assertThat(ContainerId.fromCgroupLine("0::/machine.slice/libpod-" + ID + ".scope")).contains(ID);
    }

    @Test
    void aHostProcessHasNone() {
        assertThat(ContainerId.fromCgroupLine("0::/user.slice/user-1000.slice/session-2.scope")).isEmpty();
        assertThat(ContainerId.fromCgroupLine("0::/")).isEmpty();
    }
}
