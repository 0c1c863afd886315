package dev.jbound.record;

import dev.jbound.model.BlockedCall.Call;

import java.util.HashMap;
import java.util.Map;

/**
 * The blocking system calls the OS sensor sorts, by number, for the two architectures jbound runs
 * on (x86_64 from arch/x86/entry/syscalls/syscall_64.tbl, arm64 from the generic unistd.h). Calls
 * not listed are {@link Call#OTHER}: the stack decides what such a thread waits for.
 */
final class SyscallTable {

    /** Where a call's descriptors are: one fd argument, a pollfd array, an epoll fd, or none. */
    enum Fds { NONE, ARG0, POLL_ARRAY, EPOLL }

    record Entry(String name, Call call, Fds fds) {
    }

    private static final SyscallTable X86_64 = new SyscallTable("""
            0 read RECEIVE ARG0
            1 write SEND ARG0
            7 poll SELECT POLL_ARRAY
            17 pread64 RECEIVE ARG0
            18 pwrite64 SEND ARG0
            19 readv RECEIVE ARG0
            20 writev SEND ARG0
            23 select SELECT NONE
            26 msync SYNC NONE
            34 pause SLEEP NONE
            35 nanosleep SLEEP NONE
            40 sendfile SEND ARG0
            42 connect CONNECT ARG0
            43 accept ACCEPT ARG0
            44 sendto SEND ARG0
            45 recvfrom RECEIVE ARG0
            46 sendmsg SEND ARG0
            47 recvmsg RECEIVE ARG0
            61 wait4 CHILD NONE
            73 flock OTHER ARG0
            74 fsync SYNC ARG0
            75 fdatasync SYNC ARG0
            77 ftruncate OTHER ARG0
            162 sync SYNC NONE
            285 fallocate OTHER ARG0
            202 futex FUTEX NONE
            208 io_getevents SYNC NONE
            230 clock_nanosleep SLEEP NONE
            232 epoll_wait SELECT EPOLL
            247 waitid CHILD NONE
            270 pselect6 SELECT NONE
            271 ppoll SELECT POLL_ARRAY
            277 sync_file_range SYNC ARG0
            281 epoll_pwait SELECT EPOLL
            288 accept4 ACCEPT ARG0
            295 preadv RECEIVE ARG0
            296 pwritev SEND ARG0
            299 recvmmsg RECEIVE ARG0
            306 syncfs SYNC ARG0
            307 sendmmsg SEND ARG0
            327 preadv2 RECEIVE ARG0
            328 pwritev2 SEND ARG0
            426 io_uring_enter SYNC NONE
            441 epoll_pwait2 SELECT EPOLL
            449 futex_waitv FUTEX NONE
            """);

    private static final SyscallTable AARCH64 = new SyscallTable("""
            4 io_getevents SYNC NONE
            22 epoll_pwait SELECT EPOLL
            32 flock OTHER ARG0
            63 read RECEIVE ARG0
            64 write SEND ARG0
            65 readv RECEIVE ARG0
            66 writev SEND ARG0
            67 pread64 RECEIVE ARG0
            68 pwrite64 SEND ARG0
            69 preadv RECEIVE ARG0
            70 pwritev SEND ARG0
            71 sendfile SEND ARG0
            72 pselect6 SELECT NONE
            73 ppoll SELECT POLL_ARRAY
            81 sync SYNC NONE
            82 fsync SYNC ARG0
            83 fdatasync SYNC ARG0
            84 sync_file_range SYNC ARG0
            46 ftruncate OTHER ARG0
            47 fallocate OTHER ARG0
            95 waitid CHILD NONE
            98 futex FUTEX NONE
            101 nanosleep SLEEP NONE
            115 clock_nanosleep SLEEP NONE
            202 accept ACCEPT ARG0
            203 connect CONNECT ARG0
            206 sendto SEND ARG0
            207 recvfrom RECEIVE ARG0
            211 sendmsg SEND ARG0
            212 recvmsg RECEIVE ARG0
            227 msync SYNC NONE
            242 accept4 ACCEPT ARG0
            243 recvmmsg RECEIVE ARG0
            260 wait4 CHILD NONE
            267 syncfs SYNC ARG0
            269 sendmmsg SEND ARG0
            286 preadv2 RECEIVE ARG0
            287 pwritev2 SEND ARG0
            426 io_uring_enter SYNC NONE
            441 epoll_pwait2 SELECT EPOLL
            449 futex_waitv FUTEX NONE
            """);

    private final Map<Integer, Entry> byNumber = new HashMap<>();

    private SyscallTable(String table) {
        for (String line : table.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            byNumber.put(Integer.parseInt(f[0]), new Entry(f[1], Call.valueOf(f[2]), Fds.valueOf(f[3])));
        }
    }

    /** The table of {@code os.arch} ("amd64", "x86_64", "aarch64"), or null on another architecture. */
    static SyscallTable forArch(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> null;
        };
    }

    /** The call numbered {@code nr}; an unlisted one is OTHER under its number. */
    Entry entry(int nr) {
        Entry e = byNumber.get(nr);
        return e != null ? e : new Entry(nr < 0 ? "none" : "syscall " + nr, Call.OTHER, Fds.NONE);
    }
}
