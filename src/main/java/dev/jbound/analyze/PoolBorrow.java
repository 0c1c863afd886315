package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

/**
 * Which connection pool a thread waits to borrow from, by the frames of the wait (the "pool-borrow"
 * rules of {@link LibraryFrameRules}): the name a user knows it by, for the advice.
 */
final class PoolBorrow {

    static final String RULE = "pool-borrow";

    private PoolBorrow() {
    }

    /**
     * The connection pool an I/O wait went through, where the pool hands out proxies whose frames
     * stay on the stack of every query or request (HikariCP, DBCP, Apache HttpClient's pooling
     * managers); null when none shows (commons-pool2 hands out the object itself).
     */
    static String pooledIo(Stack stack) {
        for (Frame f : stack.frames()) {
            String c = f.className();
            if (c.startsWith("com.zaxxer.hikari.pool.HikariProxy") || c.startsWith("com.zaxxer.hikari.pool.Proxy")) return "HikariCP";
            if (c.startsWith("org.apache.commons.dbcp2.Delegating") || c.startsWith("org.apache.commons.dbcp2.Poolable")) return "DBCP";
            if (c.startsWith("org.apache.http.impl.conn.CPoolProxy")) return "Apache HttpClient 4";
            if (c.startsWith("org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager")) return "Apache HttpClient 5";
        }
        return null;
    }

    static String library(Stack stack) {
        for (Frame f : stack.frames()) {
            String c = f.className();
            if (c.startsWith("com.zaxxer.hikari.")) return "HikariCP";
            if (c.startsWith("org.apache.commons.dbcp2.")) return "DBCP";
            if (c.startsWith("org.apache.commons.pool2.")) return "commons-pool2";
            if (c.startsWith("org.apache.http.pool.") || c.startsWith("org.apache.http.impl.conn.")) return "Apache HttpClient 4";
            if (c.startsWith("org.apache.hc.core5.pool.") || c.startsWith("org.apache.hc.client5.")) return "Apache HttpClient 5";
        }
        return null;
    }
}
