package dev.jbound.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JVMs on this machine at one moment, ordered by pid, jbound itself left out.
 *
 * @param cpuSample how long CPU use was measured over, for all JVMs at once
 */
public record JvmScan(Instant takenAt, Duration cpuSample, List<JvmStatus> jvms) {
    /** {@code jbound ps --format json} schema; a renamed or removed field makes a new version, an added field does not. */
    public static final int SCHEMA_VERSION = 1;

    public JvmScan {
        jvms = List.copyOf(jvms);
    }
}
