package dev.jbound.analyze;

/** Normalises native symbols as async-profiler reports them, so table patterns stay plain. */
final class NativeSymbol {
    private NativeSymbol() {
    }

    /** "ObjectMonitor::EnterI(JavaThread*)" → "ObjectMonitor::EnterI": demangled C++ names may carry arguments. */
    static String withoutArguments(String symbol) {
        int paren = symbol.indexOf('(');
        return paren < 0 ? symbol : symbol.substring(0, paren);
    }

    /**
     * The libc function behind a glibc alias: "__GI___poll" → "poll", "__libc_recv" → "recv",
     * "__read_nocancel" → "read", "__pread64" → "pread", "___pthread_cond_wait" → "pthread_cond_wait".
     * glibc exports one function under several internal names; which one a sample shows depends
     * on the glibc build, so the table names the function once.
     */
    static String libcName(String symbol) {
        String s = stripUnderscores(withoutArguments(symbol));
        if (s.startsWith("GI_")) s = stripUnderscores(s.substring(3));
        if (s.startsWith("libc_")) s = s.substring(5);
        if (s.endsWith("_nocancel")) s = s.substring(0, s.length() - "_nocancel".length());
        if (s.endsWith("64")) s = s.substring(0, s.length() - 2);
        return s;
    }

    private static String stripUnderscores(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '_') i++;
        return s.substring(i);
    }
}
