package dev.jbound.profile;

import dev.jbound.analyze.Analyzer;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.record.RecordingException;

import java.nio.file.Path;
import java.util.List;

/** load → analyze for a recording made elsewhere: the same analysis as a live attach, without the OS sensor. */
public final class RecordedProfile {

    private RecordedProfile() {
    }

    /** @throws RecordingException when the file is not JFR, is broken before its first whole chunk, or holds no samples */
    public static Report analyze(Path jfr) throws RecordingException {
        return analyze(jfr, RecordingAnalysis.load(jfr));
    }

    /** The same, for a recording read from {@code jfr} already (which the pages reuse). */
    public static Report analyze(Path jfr, LoadedRecording loaded) throws RecordingException {
        Recording rec = loaded.recording();
        if (rec.isEmpty()) {
            throw new RecordingException(jfr + ": the recording holds no samples or thread events to analyse;"
                    + " record with execution samples enabled (jbound attach, or -XX:StartFlightRecording with settings=profile)");
        }
        Recording.Jvm jvm = rec.jvm();
        return Analyzer.analyze(new Analyzer.Input(rec, null, null, new Report.Target(jvm.pid(), jvm.mainClass(), jvm.version()),
                rec.producer(), List.of(), loaded.states(), RecordingAnalysis.THIS_MACHINE_CPUS));
    }
}
