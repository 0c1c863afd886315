package dev.jbound.record;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;

/**
 * Keeps one file of each task (its stat, its syscall) open between polls and re-reads it at offset
 * 0, which makes the kernel regenerate it: measured on 2,000 threads this halves a poll (about 10 ms
 * instead of 21 ms for open-read-close). A read fails once the task has exited (ESRCH), and the
 * file is dropped.
 */
final class OpenTaskFiles implements AutoCloseable {

    /** Never hold more than this many, nor a quarter of the file descriptors this JVM has left (two sets are kept). */
    private static final int MAX_OPEN = 4096;

    private final String taskDir;
    private final String fileName;
    private final ProcFileReader fallback;
    private final int maxOpen = openLimit();
    private final Map<String, FileChannel> open = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(4096); // a stat line is ~300 bytes, a syscall line ~150
    /** Why the last open failed for a reason other than the task's exit (permission), or null. */
    private String refused;

    OpenTaskFiles(String taskDir, String fileName, ProcFileReader fallback) {
        this.taskDir = taskDir;
        this.fileName = fileName;
        this.fallback = fallback;
    }

    /** Set when a task's file could not be opened though the task was there: a permission refused. */
    String refused() {
        return refused;
    }

    /** The file's text for task {@code tid}, or null when it is gone or unreadable. */
    String read(String tid) {
        FileChannel ch = open.get(tid);
        if (ch != null) {
            String text = pread(ch);
            if (text != null) return text;
            closeQuietly(open.remove(tid)); // exited, or its tid was reused: open afresh below
        }
        if (open.size() >= maxOpen) return fallback.readOrNull(taskDir + tid + "/" + fileName);
        try {
            ch = FileChannel.open(Path.of(taskDir, tid, fileName));
        } catch (java.nio.file.AccessDeniedException e) {
            refused = "permission denied";
            return null;
        } catch (IOException e) {
            return null;
        }
        String text = pread(ch);
        if (text == null) {
            closeQuietly(ch);
        } else {
            open.put(tid, ch);
        }
        return text;
    }

    /** Closes the files of tasks no longer listed. */
    void retainOnly(Set<String> listed) {
        for (Iterator<Map.Entry<String, FileChannel>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, FileChannel> e = it.next();
            if (!listed.contains(e.getKey())) {
                closeQuietly(e.getValue());
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        open.values().forEach(OpenTaskFiles::closeQuietly);
        open.clear();
    }

    private String pread(FileChannel ch) {
        buffer.clear();
        try {
            int n = ch.read(buffer, 0);
            return n <= 0 ? null : new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }

    private static int openLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long left = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
            return (int) Math.max(0, Math.min(MAX_OPEN, left / 4));
        }
        return 0;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // a /proc file: nothing to flush, nothing to lose
        }
    }
}
