package dev.jbound.record;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OS sensor's parsers of the files that say what a thread is blocked on, on text captured from real processes. */
class ProcWaitTextTest {

    @Test
    void aSyscallLineGivesTheCallAndItsArguments() {
        // a JVM's main thread in accept4(fd 5, ...) on x86_64, as /proc/PID/task/TID/syscall shows it
        SyscallLine line = SyscallLine.parse("288 0x5 0x7f8d4d7fb3a0 0x7f8d4d7fb39c 0x80000 0x0 0x0 0x7f8d4d7fb360 0x7f8d768ddf16\n");
        assertThat(line.running()).isFalse();
        assertThat(line.number()).isEqualTo(288);
        assertThat(line.arg(0)).isEqualTo(5);
        assertThat(line.arg(3)).isEqualTo(0x80000);
        assertThat(SyscallTable.forArch("amd64").entry(288).name()).isEqualTo("accept4");
        assertThat(SyscallTable.forArch("amd64").entry(288).call()).isEqualTo(BlockedCall.Call.ACCEPT);
    }

    @Test
    void aRunningTaskAndOneBlockedOutsideACallHaveNoArguments() {
        assertThat(SyscallLine.parse("running\n").running()).isTrue();
        SyscallLine outside = SyscallLine.parse("-1 0x7ffd06d2a560 0x7f8d768ddf16\n");
        assertThat(outside.running()).isFalse();
        assertThat(outside.number()).isEqualTo(-1);
        assertThat(SyscallTable.forArch("amd64").entry(-1).call()).isEqualTo(BlockedCall.Call.OTHER);
        assertThatThrownBy(() -> SyscallLine.parse("202 0x1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTablesNameTheSameCallsOnBothArchitectures() {
        SyscallTable x86 = SyscallTable.forArch("amd64");
        SyscallTable arm = SyscallTable.forArch("aarch64");
        assertThat(x86.entry(0).name()).isEqualTo("read");
        assertThat(arm.entry(63).name()).isEqualTo("read");
        assertThat(x86.entry(232).fds()).isEqualTo(SyscallTable.Fds.EPOLL);
        assertThat(arm.entry(22).name()).isEqualTo("epoll_pwait"); // arm64 has no epoll_wait
        assertThat(x86.entry(75).call()).isEqualTo(BlockedCall.Call.SYNC);
        assertThat(arm.entry(83).name()).isEqualTo("fdatasync");
        assertThat(x86.entry(202).call()).isEqualTo(BlockedCall.Call.FUTEX);
        assertThat(x86.entry(9999).call()).isEqualTo(BlockedCall.Call.OTHER);
        assertThat(SyscallTable.forArch("riscv64")).isNull();
    }

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   104        0 21311 1 0000000061faa2aa 100 0 0 10 0
               1: 0100007F:1538 0100007F:D6E2 01 00000000:00000000 00:00000000 00000000   104        0 21400 1 000000001215ca6a 20 4 30 10 -1
               2: 0100007F:D6E2 0100007F:1538 01 00000000:00000000 00:00000000 00000000     0        0 21399 1 0000000049378a33 20 4 30 10 -1
               3: 0100007F:A000 0100007F:1538 06 00000000:00000000 03:00000000 00000000     0        0 0 3 0000000049378a33
            """;

    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0000000000000000FFFF00000100007F:93CD 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5427 1 000000001215ca6a 100 0 0 10 0
               1: 0000000000000000FFFF00000100007F:93CD 0000000000000000FFFF00000100007F:BA3A 01 00000000:00000000 00:00000000 00000000     0        0 5500 1 000000001215ca6a 20 4 30 10 -1
               2: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7000 1 000000001215ca6a 100 0 0 10 0
            """;

    private static final String UNIX = """
            Num       RefCount Protocol Flags    Type St Inode Path
            00000000cf56c40e: 00000002 00000000 00010000 0001 01 23950 /var/run/postgresql/.s.PGSQL.5432
            00000000cf56c40f: 00000003 00000000 00000000 0001 03 23951 /var/run/postgresql/.s.PGSQL.5432
            000000004ce4b6c0: 00000002 00000000 00000000 0001 03  6233
            00000000bc75917c: 00000002 00000000 00000000 0002 01  5895 @abstract
            """;

    private static SocketTable table() {
        SocketTable t = new SocketTable();
        t.addInet("tcp", TCP);
        t.addInet("tcp", TCP6);
        t.addUnix(UNIX);
        return t;
    }

    @Test
    void aListenerAndTheConnectionsItAcceptedAreTheServerSide() {
        SocketTable t = table();
        assertThat(t.channel(21311)).isEqualTo(new Channel(Channel.Kind.LISTENER, "127.0.0.1:5432", ""));
        // PostgreSQL's end of a client's connection: its local port is the listener's
        assertThat(t.channel(21400)).isEqualTo(new Channel(Channel.Kind.ACCEPTED, "127.0.0.1:5432", "127.0.0.1:55010"));
    }

    @Test
    void aConnectionOpenedToAPeerIsTheClientSide() {
        assertThat(table().channel(21399)).isEqualTo(new Channel(Channel.Kind.CONNECTED, "127.0.0.1:55010", "127.0.0.1:5432"));
    }

    @Test
    void ipv6TablesShowMappedIpv4AddressesAsIpv4() {
        SocketTable t = table();
        // a Java ServerSocket on 127.0.0.1 is an IPv6 socket with a mapped address
        assertThat(t.channel(5427)).isEqualTo(new Channel(Channel.Kind.LISTENER, "127.0.0.1:37837", ""));
        assertThat(t.channel(5500).kind()).isEqualTo(Channel.Kind.ACCEPTED);
        assertThat(t.channel(7000)).isEqualTo(new Channel(Channel.Kind.LISTENER, "[::1]:8080", ""));
    }

    @Test
    void theListenerBehindAnEndpointOnThisMachineIsFound() {
        SocketTable t = table();
        // 127.0.0.1:5432 is served by the listener with inode 21311; 127.0.0.1:37837 by the mapped IPv6 one
        assertThat(t.listenerBehind("127.0.0.1:5432")).isEqualTo(21311);
        assertThat(t.listenerBehind("127.0.0.1:37837")).isEqualTo(5427);
        assertThat(t.listenerBehind("[::1]:8080")).isEqualTo(7000);
        // another host's port 5432 is not this machine's PostgreSQL; nobody listens on 6379 here
        assertThat(t.listenerBehind("10.0.0.5:5432")).isEqualTo(-1);
        assertThat(t.listenerBehind("127.0.0.1:6379")).isEqualTo(-1);
        assertThat(t.listenerBehind("/var/run/postgresql/.s.PGSQL.5432")).isEqualTo(23950);
        assertThat(t.listenerBehind("nonsense")).isEqualTo(-1);
        // the client's end of a connection on this machine: its other end is PostgreSQL's
        assertThat(t.peerOf(21399)).isEqualTo(21400);
        assertThat(t.peerOf(21400)).isEqualTo(21399);
        assertThat(t.peerOf(21311)).isEqualTo(-1);
    }

    @Test
    void timeWaitEntriesBelongToNoSocket() {
        SocketTable t = table();
        assertThat(t.contains(0)).isFalse();
        assertThat(t.size()).isEqualTo(10);
    }

    @Test
    void unixSocketsAreToldApartByTheListenersPath() {
        SocketTable t = table();
        assertThat(t.channel(23950).kind()).isEqualTo(Channel.Kind.LISTENER);
        // the accepted end carries the listener's path; the connecting end has none
        assertThat(t.channel(23951).kind()).isEqualTo(Channel.Kind.ACCEPTED);
        assertThat(t.channel(6233).kind()).isEqualTo(Channel.Kind.CONNECTED);
        assertThat(t.channel(5895).kind()).isEqualTo(Channel.Kind.DATAGRAM);
        assertThat(t.channel(424242)).isNull();
    }

    @Test
    void linesOfAnotherShapeAreSkipped() {
        assertThat(SocketTable.parseInetLine("tcp", "  sl  local_address rem_address")).isNull();
        assertThat(SocketTable.parseInetLine("tcp", "   0: ZZZ:1538 00000000:0000 0A 0:0 0:0 0 0 0 1")).isNull();
        assertThat(SocketTable.parseUnixLine("Num RefCount Protocol")).isNull();
        assertThatThrownBy(() -> SocketTable.address("0100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEpollsFdinfoListsTheDescriptorsItWatches() {
        String fdinfo = """
                pos:	0
                flags:	02000002
                mnt_id:	15
                ino:	1057
                tfd:        7 events:       19 data:                7  pos:0 ino:1565 sdev:8
                tfd:        5 events:       19 data:                5  pos:0 ino:1427 sdev:8
                tfd:       12 events: 8000001d data:              c00000000  pos:0 ino:1601 sdev:8
                """;
        assertThat(EpollInfo.watched(fdinfo, 64)).containsExactly(7, 5, 12);
        assertThat(EpollInfo.watched(fdinfo, 2)).containsExactly(7, 5);
        assertThat(EpollInfo.watched("pos:\t0\nflags:\t02\n", 64)).isEmpty();
    }

    @Test
    void fdLinksThatAreNotSocketsSayWhatTheDescriptorIs() {
        assertThat(FdLink.channel("pipe:[6221]").kind()).isEqualTo(Channel.Kind.PIPE);
        assertThat(FdLink.channel("anon_inode:[eventfd]")).isEqualTo(new Channel(Channel.Kind.EVENT, "[eventfd]", ""));
        assertThat(FdLink.channel("/dev/pts/3").kind()).isEqualTo(Channel.Kind.TERMINAL);
        assertThat(FdLink.channel("/dev/null").kind()).isEqualTo(Channel.Kind.DEVICE);
        assertThat(FdLink.channel("/var/lib/rocks/000012.log")).isEqualTo(new Channel(Channel.Kind.FILE, "/var/lib/rocks/000012.log", ""));
        assertThat(WaitProbe.socketInode("socket:[5427]")).isEqualTo(5427);
        assertThat(WaitProbe.socketInode("pipe:[5427]")).isEqualTo(-1);
        assertThat(WaitProbe.socketInode("socket:[x]")).isEqualTo(-1);
    }

    @Test
    void fileIoIsAFlushOrAReadOrWriteOfAFile() {
        SyscallTable x86 = SyscallTable.forArch("amd64");
        assertThat(WaitProbe.isFileIo(new WaitProbe.Seen(x86.entry(75), java.util.List.of("/data/000041.log")))).isTrue();
        assertThat(WaitProbe.isFileIo(new WaitProbe.Seen(x86.entry(18), java.util.List.of("/data/000041.log")))).isTrue();
        assertThat(WaitProbe.isFileIo(new WaitProbe.Seen(x86.entry(0), java.util.List.of("socket:[1]")))).isFalse();
        assertThat(WaitProbe.isFileIo(new WaitProbe.Seen(x86.entry(0), java.util.List.of("/dev/urandom")))).isFalse();
        assertThat(WaitProbe.isFileIo(new WaitProbe.Seen(x86.entry(202), java.util.List.of()))).isFalse();
    }
}
