package dev.jbound.record;

/**
 * /proc/PID/io (or a task's /proc/PID/task/TID/io) counters. {@code rchar/wchar} count every byte
 * through read/write-like calls (sockets and page cache included); {@code read_bytes/write_bytes}
 * count what reached the block layer, so they stay 0 on tmpfs and for cached reads;
 * {@code syscr/syscw} count the read- and write-like calls themselves.
 */
record ProcIo(long readChars, long writeChars, long readBytes, long writeBytes, long readCalls, long writeCalls) {

    ProcIo(long readChars, long writeChars, long readBytes, long writeBytes) {
        this(readChars, writeChars, readBytes, writeBytes, -1, -1);
    }

    static ProcIo parse(String text) {
        long rchar = -1, wchar = -1, readBytes = -1, writeBytes = -1, syscr = -1, syscw = -1;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            long value;
            try {
                value = Long.parseLong(line.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            switch (key) {
                case "rchar" -> rchar = value;
                case "wchar" -> wchar = value;
                case "read_bytes" -> readBytes = value;
                case "write_bytes" -> writeBytes = value;
                case "syscr" -> syscr = value;
                case "syscw" -> syscw = value;
                default -> { }
            }
        }
        return new ProcIo(rchar, wchar, readBytes, writeBytes, syscr, syscw);
    }

    /** Difference of two readings, -1 where either side is unknown (or the counter went back). */
    static long delta(long start, long end) {
        return start < 0 || end < start ? -1 : end - start;
    }
}
