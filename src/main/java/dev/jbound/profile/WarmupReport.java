package dev.jbound.profile;

import dev.jbound.analyze.Analyzer;
import dev.jbound.analyze.StackStates;
import dev.jbound.load.JfrLoader;
import dev.jbound.model.Frame;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.WallSample;
import dev.jbound.record.RecordingException;
import dev.jbound.record.ScratchFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A report of a small recording kept in the jar (an async-profiler window of the idle demo, 25 KB):
 * reading and analysing it loads and first runs the reader's and the analysis's classes, so that
 * a real window's verdict does not wait for them. Without the resource (or a scratch file), a
 * one-sample recording made in memory warms the analysis alone.
 */
public final class WarmupReport {
    private static final String RECORDING = "warmup.jfr";

    private WarmupReport() {
    }

    public static Report analyze() {
        try (InputStream in = WarmupReport.class.getResourceAsStream(RECORDING)) {
            if (in != null) {
                Path file = ScratchFiles.create("jbound-warmup-");
                try {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    // not RecordingAnalysis.load: its timing mark belongs to the real window's load
                    StackStates states = new StackStates();
                    return RecordedProfile.analyze(file, new LoadedRecording(JfrLoader.load(file, states), states));
                } finally {
                    ScratchFiles.delete(file);
                }
            }
        } catch (IOException | RecordingException e) {
            // the in-memory one below still warms the analysis
        }
        return inMemory();
    }

    private static Report inMemory() {
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
