package dev.jbound.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;

/**
 * async-profiler's native launcher ({@code asprof}) and agent library, unpacked from the
 * ap-loader jar into {@code <dir>/bin} and {@code <dir>/lib}: the layout asprof expects.
 */
public final class NativeProfiler {

    private final Path home;
    private final String version;

    private NativeProfiler(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    public Path asprof() {
        return home.resolve("bin/asprof");
    }

    public Path library() {
        return home.resolve("lib/libasyncProfiler.so");
    }

    public String version() {
        return version;
    }

    public static NativeProfiler unpack() throws RecordingException {
        String platform = platform();
        String version = resource("libs/ap-version").trim();
        int uid = dev.jbound.target.TargetFinder.currentUid();
        Path home = PrivateDirectory.prepare(baseDir(uid).resolve("async-profiler-" + version), uid);
        if (home == null) {
            home = freshDir(version, uid);
        }
        try {
            extract("libs/asprof-" + version + "-" + platform, home.resolve("bin/asprof"), uid);
            String lib = platform.startsWith("macos") ? "libasyncProfiler-" + version + "-macos.dylib"
                    : "libasyncProfiler-" + version + "-" + platform + ".so";
            extract("libs/" + lib, home.resolve("lib/libasyncProfiler.so"), uid);
        } catch (IOException e) {
            throw new RecordingException("cannot unpack async-profiler into " + home + ": " + e.getMessage(), e);
        }
        return new NativeProfiler(home, version);
    }

    /** Root's library must be readable by every user's JVM, so it cannot live in /root. */
    static Path baseDir(int uid) {
        if (uid == 0) return Path.of("/var/lib/jbound");
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jbound");
    }

    private static Path freshDir(String version, int uid) throws RecordingException {
        try {
            Path dir = Files.createTempDirectory("jbound-ap-" + version + "-",
                    PosixFilePermissions.asFileAttribute(PrivateDirectory.READ_ONLY_FOR_OTHERS));
            Files.setPosixFilePermissions(dir, PrivateDirectory.READ_ONLY_FOR_OTHERS);
            if (PrivateDirectory.isSafe(dir, uid)) return dir;
        } catch (IOException ignored) {
            // fall through to the error below
        }
        throw new RecordingException("no safe directory for the profiler library; set XDG_CACHE_HOME to a directory only you can write");
    }

    private static void extract(String resource, Path dest, int uid) throws IOException {
        byte[] bytes;
        try (InputStream in = NativeProfiler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the jar has no " + resource);
            bytes = in.readAllBytes();
        }
        Path dir = PrivateDirectory.prepare(dest.getParent(), uid);
        if (dir == null) throw new IOException(dest.getParent() + " is writable by others");
        if (Files.isRegularFile(dest) && Arrays.equals(Files.readAllBytes(dest), bytes)) return;
        Path tmp = Files.createTempFile(dir, ".extract", ".tmp");
        Files.write(tmp, bytes);
        Files.setPosixFilePermissions(tmp, PrivateDirectory.READ_ONLY_FOR_OTHERS);
        Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String platform() throws RecordingException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return "macos";
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) return "linux-x64";
            if (arch.equals("aarch64") || arch.equals("arm64")) return "linux-arm64";
        }
        throw new RecordingException("async-profiler has no build for " + os + "/" + arch);
    }

    private static String resource(String name) throws RecordingException {
        try (InputStream in = NativeProfiler.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new RecordingException("the jar has no " + name + " (ap-loader missing?)");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordingException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
