package dev.jbound.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the few /proc/PID files that say who a process is. */
final class ProcessFiles {
    private ProcessFiles() {
    }

    static Path dir(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }

    static List<String> commandLine(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(dir(pid).resolve("cmdline"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        return args;
    }

    static int ownerUid(long pid) throws IOException {
        return (Integer) Files.getAttribute(dir(pid), "unix:uid");
    }

    static String userName(long pid) {
        try {
            return Files.getOwner(dir(pid)).getName();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The effective uid of this process: /proc/self belongs to it. */
    static int selfUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /**
     * True when the process environment contains {@code text} (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS
     * carry JVM flags too). An unreadable environment counts as not containing it.
     */
    static boolean environmentMentions(long pid, String text) {
        try {
            return new String(Files.readAllBytes(dir(pid).resolve("environ")), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the process maps a HotSpot (or OpenJ9) JVM library. */
    static boolean mapsJvm(long pid) throws IOException {
        try (var lines = Files.lines(dir(pid).resolve("maps"), StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(l -> l.endsWith("/libjvm.so") || l.endsWith("/libj9vm29.so"));
        } catch (UncheckedIOException e) {
            // the file is read as the stream goes: a process that exits meanwhile fails the read
            // ("No such process"), which is the caller's to handle as any failed read of /proc
            throw e.getCause();
        }
    }
}
