package dev.jbound.load.jfr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Walks the chunks of a JFR file (a recording is one or more self-contained chunks back to back;
 * files may even be concatenated). Each chunk is mapped, not read onto the heap, so memory stays
 * bounded by what the caller keeps. A chunk cut short (a copy of a recording still being written,
 * a crash, a truncated download) ends the walk: the chunks before it are whole and are used.
 */
public final class JfrFile {

    /** How the walk ended. {@code problem} is null when every byte was read. */
    public record Outcome(int chunks, boolean truncated, String problem) {
    }

    /** A chunk is the consumer's only while it is given: its bytes go to a later chunk afterwards. */
    public interface ChunkConsumer {
        void accept(JfrChunk chunk) throws IOException;
    }

    /** What is worked out from a chunk on the reading thread, before the chunk reaches the consumer. */
    public interface ChunkPreparer<T> {
        /** @throws JfrFormatException when the chunk turns out corrupt: the walk ends there, as if parsing had failed */
        T prepare(JfrChunk chunk) throws JfrFormatException;
    }

    /** As {@link ChunkConsumer}: the chunk is the consumer's only while it is given. */
    public interface PreparedConsumer<T> {
        void accept(JfrChunk chunk, T prepared) throws IOException;
    }

    private static final int SUPPORTED_MAJOR = 2;
    /** Chunks parsed ahead of the one being consumed. */
    private static final int AHEAD = 2;

    /** What the reading thread hands on: a parsed chunk, the reason the walk ends, or the end. */
    private record Step(JfrChunk chunk, Object prepared, Throwable stop) {
        static final Step END = new Step(null, null, null);
    }

    private JfrFile() {
    }

    /**
     * @param keptPools constant-pool types the consumer will look up (others are skipped)
     * @throws JfrFormatException when not even the first chunk is whole and valid
     */
    public static Outcome read(Path file, Set<String> keptPools, ChunkConsumer consumer) throws IOException {
        return read(file, keptPools, Set.of(), chunk -> null, (chunk, unused) -> consumer.accept(chunk));
    }

    /**
     * The same, with the chunks parsed (header, types, constant pools, framing, where the events of
     * the {@code rareEvents} types are) and {@code prepare}d
     * one or two ahead on a thread of their own, while the caller's thread consumes the one before:
     * the two halves of reading a big recording take about as long each, and the machine has a core
     * for each. The consumer sees the chunks in file order, one at a time, on the caller's thread.
     */
    public static <T> Outcome read(Path file, Set<String> keptPools, Set<String> rareEvents, ChunkPreparer<T> prepare,
                                   PreparedConsumer<T> consumer)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) throw new JfrFormatException("not a JFR file: it is empty");
            BlockingQueue<Step> steps = new ArrayBlockingQueue<>(AHEAD);
            // the heap windows of chunks consumed, for the chunks parsed next: not a new megabyte to zero for each
            BlockingQueue<byte[]> windows = new ArrayBlockingQueue<>(AHEAD + 2);
            Thread reader = new Thread(() -> parseAll(ch, size, keptPools, rareEvents, prepare, steps, windows), "jbound-jfr-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                int chunks = 0;
                while (true) {
                    Step step = take(steps, reader);
                    if (step == Step.END) return new Outcome(chunks, false, null);
                    if (step.stop() instanceof JfrFormatException e) return cutShort(chunks, e);
                    if (step.stop() instanceof IOException e) throw e;
                    if (step.stop() instanceof RuntimeException e) throw e;
                    if (step.stop() instanceof Error e) throw e;
                    try {
                        @SuppressWarnings("unchecked")
                        T prepared = (T) step.prepared();
                        consumer.accept(step.chunk(), prepared);
                        windows.offer(step.chunk().window());
                    } catch (JfrFormatException e) {
                        return cutShort(chunks, e);
                    }
                    chunks++;
                }
            } finally {
                reader.interrupt(); // it stops at its next chunk (or wait for room), whatever ended this walk
            }
        }
    }

    /** A walk that met an unusable chunk after {@code chunks} good ones: the first unusable is the whole file's failure. */
    private static Outcome cutShort(int chunks, JfrFormatException e) throws JfrFormatException {
        if (chunks == 0) throw e;
        return new Outcome(chunks, true, e.getMessage());
    }

    /** The next step; a reading thread that ended without handing one on (it could not even do that) is a bug. */
    private static Step take(BlockingQueue<Step> steps, Thread reader) throws InterruptedIOException {
        try {
            while (true) {
                Step step = steps.poll(100, TimeUnit.MILLISECONDS);
                if (step != null) return step;
                if (!reader.isAlive() && steps.isEmpty()) throw new IllegalStateException("the recording's reading thread ended without a word");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the recording");
        }
    }

    /** The reading thread: each chunk parsed and prepared in turn, until the file ends, a chunk is unusable or the consumer stops. */
    private static <T> void parseAll(FileChannel ch, long size, Set<String> keptPools, Set<String> rareEvents, ChunkPreparer<T> prepare,
                                     BlockingQueue<Step> steps, BlockingQueue<byte[]> windows) {
        try {
            long pos = 0;
            Metadata metadata = null;
            StringCache strings = new StringCache();
            while (pos < size && !Thread.currentThread().isInterrupted()) {
                ByteBuffer head = ByteBuffer.allocate(JfrChunk.HEADER_SIZE);
                ch.read(head, pos);
                String problem = problem(head, pos, size);
                if (problem != null) {
                    steps.put(new Step(null, null, new JfrFormatException(problem)));
                    return;
                }
                long chunkSize = head.getLong(8);
                byte[] window = windows.poll();
                ByteBuffer bytes;
                if (chunkSize <= ByteCursor.WINDOW) {
                    // read into the heap window itself: one copy from the page cache, where a mapping
                    // costs a page fault per page and a copy onto the heap besides
                    if (window == null || window.length < chunkSize) window = new byte[(int) chunkSize];
                    bytes = readFully(ch, pos, window, (int) chunkSize);
                } else {
                    bytes = ch.map(FileChannel.MapMode.READ_ONLY, pos, chunkSize).order(ByteOrder.BIG_ENDIAN);
                }
                JfrChunk chunk;
                T prepared;
                try {
                    chunk = JfrChunk.parse(bytes, pos, keptPools, rareEvents, metadata, window, strings);
                    prepared = prepare.prepare(chunk);
                } catch (JfrFormatException e) {
                    steps.put(new Step(null, null, e));
                    return;
                }
                metadata = chunk.metadata();
                steps.put(new Step(chunk, prepared, null));
                pos += chunkSize;
            }
            steps.put(Step.END);
        } catch (InterruptedException | ClosedByInterruptException e) {
            // the consumer is done: nobody waits for more
        } catch (IOException | RuntimeException | Error e) {
            // a read that failed, or a bug in preparing: the caller's thread throws it
            try {
                steps.put(new Step(null, null, e));
            } catch (InterruptedException done) {
                // the consumer stopped first
            }
        }
    }

    /** The {@code length} bytes from {@code pos} in {@code into}, as a buffer over them (the file holds them: its header said so). */
    private static ByteBuffer readFully(FileChannel ch, long pos, byte[] into, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, 0, length);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) throw new java.io.EOFException("the recording ended at byte " + (pos + b.position()) + " while it was read");
        }
        return ByteBuffer.wrap(into, 0, length).slice().order(ByteOrder.BIG_ENDIAN);
    }

    /** Whether the file begins as every chunk does, with the magic "FLR\0" (false when it cannot be read). */
    public static boolean startsAsJfr(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ByteBuffer.wrap(head).getInt() == JfrChunk.MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the chunk whose header was read from {@code pos} cannot be read, or null when its header is sound and it is complete. */
    private static String problem(ByteBuffer head, long pos, long size) {
        if (size - pos < JfrChunk.HEADER_SIZE) {
            return pos == 0 ? "not a JFR file: too short (" + size + " bytes)"
                    : "the recording is cut short: " + (size - pos) + " bytes after the last whole chunk";
        }
        if (head.getInt(0) != JfrChunk.MAGIC) {
            return pos == 0 ? "not a JFR file (no FLR header)" : "no chunk header at byte " + pos + ": the rest of the file is not JFR";
        }
        int major = head.getShort(4);
        int minor = head.getShort(6);
        if (major != SUPPORTED_MAJOR) {
            return "unsupported JFR format " + major + "." + minor + " (jbound reads format 2, written by JDK 11+ and async-profiler)";
        }
        long chunkSize = head.getLong(8);
        long cpOffset = head.getLong(16);
        long metaOffset = head.getLong(24);
        boolean finished = chunkSize >= JfrChunk.HEADER_SIZE && cpOffset > 0 && metaOffset > 0
                && cpOffset < chunkSize && metaOffset < chunkSize && chunkSize <= Integer.MAX_VALUE;
        if (!finished || pos + chunkSize > size) {
            return "the recording is cut short: the chunk at byte " + pos + " is incomplete"
                    + (pos == 0 ? " and it is the first, so nothing in it can be read" : "");
        }
        return null;
    }
}
