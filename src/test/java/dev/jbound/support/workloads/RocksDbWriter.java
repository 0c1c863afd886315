package dev.jbound.support.workloads;

import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A storage engine whose I/O happens in native code: {@code WRITERS} threads put 512-byte values
 * into RocksDB with sync writes (each put appends to the write-ahead log and fdatasyncs it inside
 * the library, through JNI). The JVM sees a thread in a native method; only the OS sees the flush.
 *
 * <p>{@code RocksDbWriter WRITERS DIR}; prints "ready" once every writer has written.
 */
public final class RocksDbWriter {

    public static void main(String[] args) throws Exception {
        int writers = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        RocksDB.loadLibrary();
        RocksDB db = RocksDB.open(new Options().setCreateIfMissing(true), dir.toString());
        WriteOptions sync = new WriteOptions().setSync(true);
        java.util.concurrent.CountDownLatch wrote = new java.util.concurrent.CountDownLatch(writers);
        for (int t = 0; t < writers; t++) {
            int id = t;
            Thread w = new Thread(() -> write(db, sync, id, wrote), "rocks-writer-" + t);
            w.setDaemon(true);
            w.start();
        }
        wrote.await();
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void write(RocksDB db, WriteOptions sync, int id, java.util.concurrent.CountDownLatch wrote) {
        byte[] value = new byte[512];
        try {
            for (long i = 0; ; i++) {
                db.put(sync, ("key-" + id + "-" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII), value);
                if (i == 0) wrote.countDown();
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }
}
