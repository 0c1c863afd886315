package dev.jbound.profile;

import dev.jbound.analyze.Analyzer;
import dev.jbound.model.Frame;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.WallSample;

import java.util.List;
import java.util.Map;

/**
 * A report of a one-sample recording made in memory: analysing it loads and initialises the
 * analysis classes (the frame-rule tables) so that a real window's verdict does not wait for them.
 */
public final class WarmupReport {

    private WarmupReport() {
    }

    public static Report analyze() {
        Stack stack = Stack.of(Frame.nativeFrame("libc.so.6", "__futex_abstimed_wait_common"),
                Frame.java("jdk.internal.misc.Unsafe", "park"),
                Frame.java("java.util.concurrent.locks.LockSupport", "park"),
                Frame.java("dev.jbound.Warmup", "run"));
        Recording rec = new Recording(0, 1_000_000_000L, 10_000_000L, 20_000_000L,
                Map.of(1L, new ThreadInfo(1, "warmup-1", 1)), List.of(),
                List.of(new WallSample(0, 1, stack, 1_000_000_000L)), List.of(), false);
        return Analyzer.analyze(new Analyzer.Input(rec, null, null, new Report.Target(0, "", ""), "warmup", List.of(), 1));
    }
}
