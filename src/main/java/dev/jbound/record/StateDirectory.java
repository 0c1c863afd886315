package dev.jbound.record;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where jbound keeps what must outlive one process: session markers and the scratch-file ledger.
 * It lives beside the unpacked profiler, in a directory only the user can write, because what is
 * written there decides which profiler sessions jbound may stop and which files it may delete; and
 * only the user can enter it, because the ledger names recordings before their targets create them.
 */
final class StateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private StateDirectory() {
    }

    /** {@code <cache>/jbound/state/<name>}, created if needed; null when it cannot be made safe. */
    static Path of(String name) {
        int uid = dev.jbound.target.TargetFinder.currentUid();
        Path state = PrivateDirectory.prepare(NativeProfiler.baseDir(uid).resolve("state"), uid, OWNER_ONLY);
        return state == null ? null : PrivateDirectory.prepare(state.resolve(name), uid, OWNER_ONLY);
    }
}
