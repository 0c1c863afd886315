package dev.jbound.load;

import dev.jbound.model.CpuSample;
import dev.jbound.model.Frame;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cpu sample that lands while a thread runs async-profiler's wall-clock signal handler: the
 * handler's frames sit above the signal trampoline, and the kept recordings hold such samples
 * (counted here with the JDK's own reader). The loader keeps every sample but none of those
 * frames: the handler's cost is the interrupted thread's, at the frame it was interrupted in.
 */
class ProfilerSignalFramesTest {
    private static final List<String> RECORDINGS = List.of("cpu", "gc", "idle-pool", "lock", "mixed", "rlock");

    @Test
    void theProfilersSignalHandlerAndItsTrampolineLeaveTheStacksButNotTheSamples() throws IOException {
        int inHandler = 0;
        for (String name : RECORDINGS) {
            Path file = Path.of("src/test/resources/recordings", name + ".jfr");
            int samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
                samples++;
                if (e.getStackTrace() != null && e.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                        .anyMatch(m -> m.getType().getName().startsWith("libasyncProfiler"))) {
                    inHandler++;
                }
            }
            Recording rec = JfrLoader.load(file);
            assertThat(rec.cpuSampleCount()).as("%s: cpu samples, as the JDK's reader counts them", name).isEqualTo(samples);
            for (CpuSample s : rec.cpuSamples()) {
                // the lock tracer's park hook stays: that is where the thread parks, not a handler
                List<Frame> top = nativeTop(s.stack());
                assertThat(top).as("%s: the frames above the first Java frame", name).noneMatch(f -> f.method().equals("__restore_rt"));
                if (!top.isEmpty()) assertThat(top.get(0).className()).as("%s: the leaf", name).doesNotStartWith("libasyncProfiler");
            }
        }
        assertThat(inHandler).as("samples in the profiler's handler in the kept recordings").isPositive();
    }

    private static List<Frame> nativeTop(Stack stack) {
        List<Frame> frames = stack.frames();
        int i = 0;
        while (i < frames.size() && frames.get(i).kind() != Frame.Kind.JAVA) i++;
        return frames.subList(0, i);
    }
}
