package dev.jbound.record;

/**
 * /proc/PID/task/TID/syscall: "NR ARG1 .. ARG6 SP PC" in hex (arguments and pointers) for a task
 * blocked in a system call, "-1 SP PC" for one blocked outside any, "running" for one on a CPU or
 * runnable. Reading it needs the right to ptrace the task.
 *
 * @param number the call's number, -1 when blocked outside a call
 * @param args   its six arguments, as raw register values
 */
record SyscallLine(int number, long[] args) {

    static final SyscallLine RUNNING = new SyscallLine(Integer.MIN_VALUE, new long[0]);

    boolean running() {
        return number == Integer.MIN_VALUE;
    }

    long arg(int i) {
        return i < args.length ? args[i] : 0;
    }

    static SyscallLine parse(String text) {
        String t = text.strip();
        if (t.equals("running")) return RUNNING;
        String[] f = t.split(" ");
        int nr = Integer.parseInt(f[0]);
        if (nr < 0) return new SyscallLine(-1, new long[0]);
        if (f.length < 7) throw new IllegalArgumentException("not a syscall line: " + t);
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) args[i] = Long.parseUnsignedLong(hex(f[i + 1]), 16);
        return new SyscallLine(nr, args);
    }

    private static String hex(String field) {
        return field.startsWith("0x") ? field.substring(2) : field;
    }
}
