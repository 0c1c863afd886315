package dev.jbound.record;

import dev.jbound.model.OsActivity;

import java.nio.file.Path;
import java.util.List;

/**
 * What one recording window produced: the JFR file, the OS sensor's view and notes (e.g. the
 * target exited mid-window). Times are nanoseconds since the epoch.
 */
public record RecordedWindow(Path jfr, long startNanos, long endNanos, OsActivity os,
                             List<String> notes, boolean interrupted) {
    public RecordedWindow {
        notes = List.copyOf(notes);
    }
}
