package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;

import java.util.List;

/** One thread dump of a running JVM ({@code jcmd Thread.print -l} through the attach mechanism), for {@code jbound dump}. */
public final class ThreadDumper {

    private ThreadDumper() {
    }

    public static String take(long pid) throws RecordingException, TargetException {
        Asprof jattach = new Asprof(NativeProfiler.unpack());
        Asprof.Result r = jattach.jattach("jcmd", pid, List.of("Thread.print", "-l"));
        if (!r.ok() || !r.stdout().contains("Full thread dump")) {
            if (!ProcessIdentity.isAlive(pid)) throw new TargetException("process " + pid + " exited");
            if (r.attachRefused()) throw new TargetException("cannot attach to pid " + pid + ": " + r.message());
            throw new RecordingException("no thread dump from pid " + pid + ": " + r.message());
        }
        return r.stdout();
    }
}
