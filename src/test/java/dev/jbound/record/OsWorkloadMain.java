package dev.jbound.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Child JVM for the OS sensor tests: threads with known behaviour and names, "ready" on stdout
 * once all run, then a short-lived "lateborn" thread 300 ms later. Argument: a directory for the syncer's file.
 */
public final class OsWorkloadMain {

    /** Has ") (" inside, which trips a parser that stops at the first ')'; 13 chars, under comm's 15. */
    static final String ODD_NAME = "my) (odd name";

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).resolve("syncer.dat");
        start("spinner", () -> {
            long x = 0;
            while (true) sink = x++;
        });
        start("sleeper", () -> sleep(60_000));
        start(ODD_NAME, () -> sleep(60_000));
        start("syncer", () -> {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                while (true) {
                    block.clear();
                    ch.write(block, 0);
                    ch.force(true);
                    sleep(20); // a few dozen fsyncs a second: visible bytes without hogging the disk
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        System.out.println("ready");
        System.out.flush();
        sleep(300);
        start("lateborn", () -> { // born and dead inside the test's window
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) sink++;
        });
        sleep(120_000); // the test kills this JVM long before
        System.exit(0);
    }

    private static void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
