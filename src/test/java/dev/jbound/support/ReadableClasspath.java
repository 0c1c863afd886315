package dev.jbound.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** The test classpath copied where any user may read it, for a jbound started as another user (it lives under root's home). */
public final class ReadableClasspath {
    private ReadableClasspath() {
    }

    public static String copyTo(Path tmp) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(e);
            Path dst = tmp.resolve("cp" + i++ + (Files.isDirectory(src) ? "" : ".jar"));
            if (Files.isDirectory(src)) {
                try (var walk = Files.walk(src)) {
                    for (Path f : walk.toList()) {
                        Path t = dst.resolve(src.relativize(f).toString());
                        if (Files.isDirectory(f)) Files.createDirectories(t);
                        else Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else if (Files.exists(src)) {
                Files.copy(src, dst);
            }
            entries.add(dst.toString());
        }
        try (var walk = Files.walk(tmp)) {
            for (Path f : walk.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
