package dev.jbound.cli;

import picocli.CommandLine.Mixin;

import java.time.Duration;

/**
 * The options of every command that records a window and reports it (attach, demo, run, the
 * shell's record), declared once: how to record, where the report goes, the raw recording and
 * the pages. {@link #validated} checks them all before anything is recorded.
 */
public final class ProfileOptions {

    @Mixin
    RecordingOptions recording;

    @Mixin
    OutputOptions output;

    @Mixin
    KeepJfrOption keep;

    @Mixin
    ArtefactOptions pages;

    /** @param defaultDuration the window without --duration (the command's own default) */
    ProfileSettings validated(Duration defaultDuration) {
        var settings = recording.settings(defaultDuration);
        output.validate();
        keep.validate();
        Pages wanted = pages.validated();
        DistinctFiles.of(output.spec).and("--output", output.output).and("--jfr", keep.jfr)
                .and("--html", wanted.html()).and("--flame", wanted.flame());
        return new ProfileSettings(settings, recording.recorder, output.format, output.output, keep.jfr, wanted);
    }
}
