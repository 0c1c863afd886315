package dev.jbound.load;

import dev.jbound.analyze.StackStates;
import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrFile;
import dev.jbound.load.jfr.JfrFormatException;
import dev.jbound.model.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads any JFR recording into a {@link Recording}: async-profiler's (cpu, wall and lock samples)
 * and the JDK Flight Recorder's (samples plus timed wait events), told apart by the event types
 * a chunk declares. The parser ({@code dev.jbound.load.jfr}) maps each chunk and decodes only
 * the events and constant pools used here, so the heap holds the model, not the file.
 *
 * @throws dev.jbound.load.jfr.JfrFormatException when the file is not JFR or its first chunk is unusable
 */
public final class JfrLoader {

    /** What the reading thread works out from a chunk before its events are read, and which recorder wrote it. */
    private record Prepared(boolean byAsyncProfiler, ChunkDecoder decoder, List<ActiveSettings.Setting> settings) {

        static Prepared of(JfrChunk chunk, StackInterner interned) throws JfrFormatException {
            boolean byAsyncProfiler = AsyncProfilerEvents.wrote(chunk);
            return new Prepared(byAsyncProfiler, new ChunkDecoder(chunk, byAsyncProfiler, interned).prepare(), ActiveSettings.read(chunk));
        }
    }

    private JfrLoader() {
    }

    /** Reads a recording whose stacks nothing else will classify (a test, a one-off look). */
    public static Recording load(Path file) throws IOException {
        return load(file, new StackStates());
    }

    /**
     * @param states where the timeline classifies the stacks it meets; the analysis of the same
     *               recording asks it again, so each distinct stack is classified once
     */
    public static Recording load(Path file, StackStates states) throws IOException {
        RecordingBuilder out = new RecordingBuilder(states);
        AsyncProfilerEvents[] async = {null};
        JdkRecorderEvents[] jdk = {null};
        JvmInformation jvm = new JvmInformation(out);
        // the chunks' stacks and settings are read as they are parsed, ahead of their events (JfrFile.read)
        StackInterner interned = new StackInterner();
        JfrFile.Outcome outcome = JfrFile.read(file, ChunkDecoder.POOLS, ActiveSettings.EVENTS, chunk -> Prepared.of(chunk, interned), (chunk, ahead) -> {
            out.chunk(chunk.startNanos(), chunk.endNanos());
            if (ahead.byAsyncProfiler()) {
                if (async[0] == null) async[0] = new AsyncProfilerEvents(out);
                async[0].read(chunk, ahead.decoder(), ahead.settings(), jvm.reader(chunk));
            } else {
                if (jdk[0] == null) jdk[0] = new JdkRecorderEvents(out);
                jdk[0].read(chunk, ahead.decoder(), ahead.settings(), jvm.reader(chunk));
            }
            out.endChunk();
        });
        if (jdk[0] != null) jdk[0].finish();
        if (outcome.truncated()) {
            out.note("the recording is incomplete (" + outcome.problem() + "); this report covers its first "
                    + outcome.chunks() + (outcome.chunks() == 1 ? " chunk" : " chunks"));
        }
        return out.build(outcome.truncated());
    }
}
