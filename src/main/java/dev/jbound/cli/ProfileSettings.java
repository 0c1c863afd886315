package dev.jbound.cli;

import dev.jbound.record.RecordingSettings;

import java.nio.file.Path;

/**
 * What a command that profiles a window was asked, validated: how to record, where the report
 * goes and in which format, and what else to keep.
 *
 * @param output  the file for the report, or null for the console
 * @param keepJfr where to keep the raw recording, or null
 */
record ProfileSettings(RecordingSettings recording, RecorderOption recorder, OutputFormat format, Path output, Path keepJfr,
                       Pages pages) {
}
