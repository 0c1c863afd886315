package dev.jbound.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * {@code disk}: {@value #WRITERS} threads ({@code fsync-writer-N}) each writing 4 KiB to its own
 * file and calling {@code FileChannel.force(true)} after every write, so they wait on the disk.
 *
 * <p>The files live in a temp directory (system property {@code jbound.demo.dir} overrides it) and
 * are unlinked right after opening: the open channel keeps working, and nothing is left behind
 * even when the launcher kills the JVM with SIGKILL. Each file wraps at 1 MiB to stay small.
 */
final class DiskWorkload implements DemoWorkload {
    static final int WRITERS = 2;
    private static final int BLOCK = 4096;
    private static final long WRAP_AT = 1024 * 1024;

    @Override
    public void start() throws Exception {
        Path dir = Files.createTempDirectory(
                Path.of(System.getProperty("jbound.demo.dir", System.getProperty("java.io.tmpdir"))),
                "jbound-disk-");
        if ("tmpfs".equals(Files.getFileStore(dir).type())) {
            // fsync on tmpfs returns at once: the demo would be CPU-bound, say so
            System.err.println("jbound demo disk: " + dir + " is on tmpfs, fsync will not wait;"
                    + " set -Djbound.demo.dir to a directory on a real disk");
        }
        CountDownLatch ready = new CountDownLatch(WRITERS);
        NamedThreads writers = new NamedThreads("fsync-writer-");
        for (int i = 1; i <= WRITERS; i++) {
            Path file = dir.resolve("fsync-writer-" + i + ".dat");
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(file);
            writers.start(() -> writeForever(ch, ready));
        }
        Files.delete(dir);
        ready.await();
    }

    private static void writeForever(FileChannel ch, CountDownLatch ready) {
        ByteBuffer block = ByteBuffer.wrap(Hashing.randomBytes(BLOCK));
        long position = 0;
        boolean first = true;
        try {
            while (true) {
                block.clear();
                ch.write(block, position);
                ch.force(true); // fsync: the wait this demo is about
                position += BLOCK;
                if (position >= WRAP_AT) {
                    ch.truncate(0);
                    position = 0;
                }
                if (first) {
                    ready.countDown();
                    first = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
