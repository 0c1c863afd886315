package dev.jbound.profile;

import dev.jbound.analyze.ThreadSnapshots;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.record.RecordingException;
import dev.jbound.record.ThreadDumper;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

/** One thread dump of a running JVM taken now ({@code jcmd Thread.print -l}), read into a {@link ThreadSnapshot}. */
public final class LiveDump {

    private LiveDump() {
    }

    public static ThreadSnapshot take(TargetJvm jvm) throws RecordingException, TargetException {
        return ThreadSnapshots.of(ThreadDumper.take(jvm.pid()), new Report.Target(jvm.pid(), jvm.mainClass(), jvm.jvmVersion()),
                System.currentTimeMillis());
    }
}
