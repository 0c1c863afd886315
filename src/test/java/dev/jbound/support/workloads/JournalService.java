package dev.jbound.support.workloads;

import dev.jbound.support.servers.Work;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service whose unit of work ends in a durable append, as a write-ahead log's does: {@code THREADS}
 * threads ({@code service-N}) each compute {@code CPU_MICROS} of CPU, then append 4 KiB to a journal
 * file of their own in {@code DIR} and fdatasync it ({@code FileChannel.force(false)}). The files are
 * unlinked once open, so a killed service leaves nothing; each wraps at 1 MiB.
 *
 * <p>{@code JournalService THREADS CPU_MICROS DIR}; prints "ready", then answers "m" as
 * {@link ClosedLoopService} does.
 */
public final class JournalService {
    private static final int BLOCK = 4096;
    private static final long WRAP_AT = 1 << 20;
    private static final AtomicLong UNITS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long cpuMicros = Long.parseLong(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        FileChannel[] journals = new FileChannel[threads];
        for (int i = 0; i < threads; i++) {
            Path f = Files.createTempFile(dir, "journal-", ".log");
            journals[i] = FileChannel.open(f, StandardOpenOption.WRITE);
            Files.delete(f);
        }
        ClosedLoopService.run(threads, seed -> append(journals[(int) seed], cpuMicros, seed), UNITS);
    }

    private static void append(FileChannel journal, long cpuMicros, long seed) {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long position = 0;
        try {
            for (long h = seed; ; ) {
                h = Work.hashFor(cpuMicros, h);
                block.clear();
                block.putLong(0, h);
                journal.write(block, position);
                journal.force(false);
                position = position + BLOCK >= WRAP_AT ? 0 : position + BLOCK;
                UNITS.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
