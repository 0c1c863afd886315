package dev.jbound.record;

import java.nio.file.Path;

/**
 * Where jbound keeps what must outlive one process: session markers and the scratch-file ledger.
 * It lives beside the unpacked profiler, in a directory only the user can write, because what is
 * written there decides which profiler sessions jbound may stop and which files it may delete.
 */
final class StateDirectory {
    private StateDirectory() {
    }

    /** {@code <cache>/jbound/state/<name>}, created if needed; null when it cannot be made safe. */
    static Path of(String name) {
        int uid = dev.jbound.target.TargetFinder.currentUid();
        Path state = PrivateDirectory.prepare(NativeProfiler.baseDir(uid).resolve("state"), uid);
        return state == null ? null : PrivateDirectory.prepare(state.resolve(name), uid);
    }
}
