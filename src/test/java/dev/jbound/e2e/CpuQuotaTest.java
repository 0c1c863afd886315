package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Cores are what the target may use: a cgroup CPU quota, not the machine's count. */
class CpuQuotaTest {

    @Test
    void aJvmUnderAHalfCpuQuotaIsJudgedAgainstHalfACoreAndToldItIsThrottled() throws Exception {
        Path cpuController = Path.of("/sys/fs/cgroup/cpu");
        assumeTrue(Files.isWritable(cpuController.resolve("cgroup.procs")), "needs a writable cgroup v1 cpu controller (root)");
        Path group = cpuController.resolve("jbound-test-" + ProcessHandle.current().pid());
        Files.createDirectories(group);
        try (ChildJvm jvm = ChildJvm.start("dev.jbound.demo.WorkloadMain", List.of(), "cpu")) {
            Files.writeString(group.resolve("cpu.cfs_period_us"), "100000");
            Files.writeString(group.resolve("cpu.cfs_quota_us"), "50000");
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(jvm.pid()));
            Jbound.Run run = Jbound.run("attach", Long.toString(jvm.pid()), "--duration", "2s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = run.json();
            assertThat(r.get("cores").get("quota").asDouble()).isEqualTo(0.5);
            assertThat(r.get("cores").get("effective").asDouble()).isEqualTo(0.5);
            assertThat(r.get("cores").get("throttled").asBoolean()).isTrue();
            // two hashing threads on half a core: they queue for it, and the strategy names the quota
            assertThat(r.get("verdict").get("class").asString()).isIn("cpu-saturated", "cpu-bound");
            assertThat(r.get("strategy").get("advice").toString()).contains("quota");
        } finally {
            Files.deleteIfExists(group);
        }
    }
}
