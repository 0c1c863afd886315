package dev.jbound.model;

import java.util.List;

/**
 * A system call the OS sensor saw a thread blocked in (/proc/PID/task/TID/syscall), with what its
 * descriptors were, and how many polls saw it so.
 *
 * @param syscall  the call's name ("read", "accept4", "epoll_wait", "fdatasync")
 * @param call     its family
 * @param channels the descriptors it waits on: one for a read or an accept, those a selector
 *                 watches (at most {@link #MAX_CHANNELS}), none for a futex or a sleep
 * @param diskSleep how many of the polls saw the thread in uninterruptible sleep (state D)
 * @param besideFileIo how many of the polls saw another thread of the process in file I/O (a sync, a
 *                 file read or write, a disk sleep) meanwhile: a futex wait then may be a wait for that
 *                 thread's I/O (a storage engine's group commit)
 */
public record BlockedCall(String syscall, Call call, List<Channel> channels, int polls, int diskSleep, int besideFileIo) {

    /** A selector watching thousands of connections is described by its first few. */
    public static final int MAX_CHANNELS = 64;

    public enum Call {
        /** accept, accept4: waits for a client to connect. */
        ACCEPT,
        /** read, recv*, readv, pread: waits for data on one descriptor. */
        RECEIVE,
        /** write, send*, writev, pwrite, sendfile: waits for room on one descriptor. */
        SEND,
        /** poll, ppoll, select, epoll_wait: waits for any of several descriptors. */
        SELECT,
        CONNECT,
        /** fsync, fdatasync, sync_file_range, msync: waits for a disk flush. */
        SYNC,
        /** futex: a lock, a condition, a park; the stack says which. */
        FUTEX,
        /** nanosleep, clock_nanosleep. */
        SLEEP,
        /** wait4, waitid: waits for a child process. */
        CHILD,
        /** a call jbound does not sort, or none (blocked in the kernel outside a system call). */
        OTHER
    }

    public BlockedCall {
        channels = List.copyOf(channels);
    }
}
