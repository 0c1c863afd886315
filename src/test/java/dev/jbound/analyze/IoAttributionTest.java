package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.Endpoint;
import dev.jbound.model.FrameCount;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each second of I/O went, from the OS's descriptors, the recording's events or the frames. */
class IoAttributionTest {

    private static final long MS = 1_000_000L;

    private static BlockedCall call(String syscall, BlockedCall.Call kind, int polls, Channel... channels) {
        return new BlockedCall(syscall, kind, List.of(channels), polls, 0, 0);
    }

    private static Channel connected(String remote) {
        return new Channel(Channel.Kind.CONNECTED, "127.0.0.1:40000", remote);
    }

    @Test
    void aClientsReadsGoToThePeerItsConnectionLeadsTo() {
        Map<IoTarget, Long> io = IoAttribution.ofThread(900 * MS, List.of(
                call("read", BlockedCall.Call.RECEIVE, 6, connected("10.0.0.5:5432")),
                call("read", BlockedCall.Call.RECEIVE, 3, connected("10.0.0.9:6379")),
                call("futex", BlockedCall.Call.FUTEX, 10)), true, Map.of(), List.of());
        assertThat(io).containsEntry(IoTarget.endpoint("10.0.0.5:5432"), 600 * MS).containsEntry(IoTarget.endpoint("10.0.0.9:6379"), 300 * MS);
    }

    @Test
    void aSelectorsWaitIsSpreadOverTheConnectionsItWatchesAndAListenerIsNone() {
        Map<IoTarget, Double> w = IoAttribution.fromOs(List.of(call("epoll_wait", BlockedCall.Call.SELECT, 4,
                connected("10.0.0.5:443"), connected("10.0.0.6:443"), new Channel(Channel.Kind.LISTENER, "0.0.0.0:8080", ""),
                new Channel(Channel.Kind.EVENT, "[eventfd]", "")), call("fdatasync", BlockedCall.Call.SYNC, 2,
                new Channel(Channel.Kind.FILE, "/data/wal/000004.log", ""))), true);
        assertThat(w).containsEntry(IoTarget.endpoint("10.0.0.5:443"), 2.0).containsEntry(IoTarget.endpoint("10.0.0.6:443"), 2.0)
                .containsEntry(IoTarget.file("/data/wal/000004.log"), 2.0).hasSize(3);
    }

    @Test
    void nameLookupsChildrenAndAFlushByAnotherThreadAreNamedSo() {
        Map<IoTarget, Double> w = IoAttribution.fromOs(List.of(
                call("recvfrom", BlockedCall.Call.RECEIVE, 1, new Channel(Channel.Kind.DATAGRAM, "10.0.0.2:51000", "10.0.0.1:53")),
                call("wait4", BlockedCall.Call.CHILD, 2),
                new BlockedCall("futex", BlockedCall.Call.FUTEX, List.of(), 5, 0, 3)), true);
        assertThat(w).containsEntry(new IoTarget(IoTarget.Kind.NAME_LOOKUP, "10.0.0.1:53"), 1.0)
                .containsEntry(new IoTarget(IoTarget.Kind.CHILD, "child process"), 2.0)
                .containsEntry(new IoTarget(IoTarget.Kind.ANOTHER_THREADS_IO, "another thread's file I/O"), 3.0);
        // the JVM's own threads wait on futexes for work of their own
        assertThat(IoAttribution.fromOs(List.of(new BlockedCall("futex", BlockedCall.Call.FUTEX, List.of(), 5, 0, 3)), false)).isEmpty();
    }

    @Test
    void withoutTheOsTheRecordingsEventsNameTheTargetsAndWithoutThemTheFrames() {
        Map<IoTarget, Long> fromEvents = IoAttribution.ofThread(100 * MS, List.of(), true,
                Map.of(IoTarget.endpoint("127.0.0.1:5432"), 30 * MS, IoTarget.file("/tmp/x.log"), 10 * MS), List.of());
        assertThat(fromEvents).containsEntry(IoTarget.endpoint("127.0.0.1:5432"), 75 * MS).containsEntry(IoTarget.file("/tmp/x.log"), 25 * MS);
        Map<IoTarget, Long> fromFrames = IoAttribution.ofThread(100 * MS, List.of(), true, Map.of(),
                List.of(new FrameCount("sun.nio.ch.SocketDispatcher.read0", 80 * MS, 4), new FrameCount("sun.nio.ch.FileDispatcherImpl.force0", 20 * MS, 1)));
        assertThat(fromFrames.keySet()).extracting(IoTarget::name)
                .containsExactlyInAnyOrder("network (peer not seen): sun.nio.ch.SocketDispatcher.read0",
                        "files (path not seen): sun.nio.ch.FileDispatcherImpl.force0");
        assertThat(fromFrames.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100 * MS);
    }

    @Test
    void aScopesRowsNameTheBiggestTargetsWithTheirConnectionsAndFoldTheRest() {
        IoAttribution.Tally tally = new IoAttribution.Tally();
        for (int i = 0; i < 12; i++) tally.add(Map.of(IoTarget.file("/data/sst/" + i + ".sst"), (long) (i + 1) * MS));
        tally.add(Map.of(IoTarget.endpoint("127.0.0.1:5432"), 100 * MS));
        tally.add(Map.of(IoTarget.endpoint("127.0.0.1:5432"), 50 * MS));
        Endpoint pg = new Endpoint("127.0.0.1:5432", 2, 812, "postgres");
        List<IoShare> rows = tally.rows(a -> a.equals("127.0.0.1:5432") ? pg : null);
        assertThat(rows).hasSize(IoAttribution.TOP_TARGETS + 1);
        IoShare first = rows.get(0);
        assertThat(first.target()).isEqualTo(IoTarget.endpoint("127.0.0.1:5432"));
        assertThat(first.nanos()).isEqualTo(150 * MS);
        assertThat(first.threads()).isEqualTo(2);
        assertThat(first.endpoint()).isEqualTo(pg);
        assertThat(first.shareOfIo()).isEqualTo(150.0 / (150 + 78));
        IoShare other = rows.get(rows.size() - 1);
        assertThat(other.target().name()).isEqualTo("other");
        assertThat(other.nanos()).isEqualTo((1 + 2 + 3 + 4 + 5) * MS);
        assertThat(rows.stream().mapToDouble(IoShare::shareOfIo).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
