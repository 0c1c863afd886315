package dev.jbound.profile;

import dev.jbound.analyze.FlameStacks;
import dev.jbound.analyze.StackStates;
import dev.jbound.model.FlameProfile;
import dev.jbound.model.Recording;

/**
 * A recording as read, with the classification of its stacks that its timeline was built with:
 * the analysis and the pages (--html, --flame) ask the same one, so each distinct stack is
 * classified once and the file is read once.
 */
public record LoadedRecording(Recording recording, StackStates states) {

    /** The flame stacks of CPU and blocked time, classified as the report was. */
    public FlameProfile flames() {
        return FlameStacks.of(recording, states);
    }
}
