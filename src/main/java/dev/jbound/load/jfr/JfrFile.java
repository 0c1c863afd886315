package dev.jbound.load.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

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

    public interface ChunkConsumer {
        void accept(JfrChunk chunk) throws IOException;
    }

    private static final int SUPPORTED_MAJOR = 2;

    private JfrFile() {
    }

    /**
     * @param keptPools constant-pool types the consumer will look up (others are skipped)
     * @throws JfrFormatException when not even the first chunk is whole and valid
     */
    public static Outcome read(Path file, Set<String> keptPools, ChunkConsumer consumer) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) throw new JfrFormatException("not a JFR file: it is empty");
            long pos = 0;
            int chunks = 0;
            Metadata metadata = null;
            while (pos < size) {
                ByteBuffer head = ByteBuffer.allocate(JfrChunk.HEADER_SIZE);
                ch.read(head, pos);
                String problem = problem(head, pos, size);
                if (problem != null) {
                    if (chunks == 0) throw new JfrFormatException(problem);
                    return new Outcome(chunks, true, problem);
                }
                long chunkSize = head.getLong(8);
                ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, pos, chunkSize).order(ByteOrder.BIG_ENDIAN);
                JfrChunk chunk;
                try {
                    chunk = JfrChunk.parse(bytes, pos, keptPools, metadata);
                    metadata = chunk.metadata();
                } catch (JfrFormatException e) {
                    if (chunks == 0) throw e;
                    return new Outcome(chunks, true, e.getMessage());
                }
                try {
                    consumer.accept(chunk);
                } catch (JfrFormatException e) {
                    if (chunks == 0) throw e;
                    return new Outcome(chunks, true, e.getMessage());
                }
                chunks++;
                pos += chunkSize;
            }
            return new Outcome(chunks, false, null);
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
