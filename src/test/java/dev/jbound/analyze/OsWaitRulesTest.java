package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.BlockedCall.Call;
import dev.jbound.model.Channel;
import dev.jbound.model.Channel.Kind;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One blocked call → the state it means, rule by rule. */
class OsWaitRulesTest {

    private static final Channel LISTENER = new Channel(Kind.LISTENER, "127.0.0.1:8080", "");
    private static final Channel ACCEPTED = new Channel(Kind.ACCEPTED, "127.0.0.1:8080", "127.0.0.1:50000");
    private static final Channel CONNECTED = new Channel(Kind.CONNECTED, "127.0.0.1:50001", "127.0.0.1:5432");
    private static final Channel WAKE_UP = new Channel(Kind.EVENT, "[eventfd]", "");
    private static final Channel FILE = new Channel(Kind.FILE, "/data/wal.log", "");

    private static BlockedCall call(String name, Call call, Channel... channels) {
        return new BlockedCall(name, call, List.of(channels), 10, 0, 0);
    }

    @Test
    void acceptWaitsForAClient() {
        assertThat(OsWaitRules.stateOf(call("accept4", Call.ACCEPT, LISTENER))).isEqualTo(ThreadState.WAIT);
    }

    @Test
    void aReadOnAnAcceptedConnectionWaitsForTheClientsNextRequest() {
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE, ACCEPTED))).isEqualTo(ThreadState.WAIT);
    }

    @Test
    void aReadOnAConnectionThisProcessOpenedWaitsForItsPeer() {
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE, CONNECTED))).isEqualTo(ThreadState.IO);
        assertThat(OsWaitRules.stateOf(call("ppoll", Call.SELECT, CONNECTED))).isEqualTo(ThreadState.IO);
    }

    @Test
    void aSelectorOverListenersAndAcceptedConnectionsWaitsForClients() {
        assertThat(OsWaitRules.stateOf(call("epoll_wait", Call.SELECT, WAKE_UP, LISTENER, ACCEPTED, ACCEPTED))).isEqualTo(ThreadState.WAIT);
        assertThat(OsWaitRules.stateOf(call("epoll_wait", Call.SELECT, WAKE_UP))).isEqualTo(ThreadState.WAIT);
        // an old JDK's wake-up pipe says nothing either
        assertThat(OsWaitRules.stateOf(call("epoll_wait", Call.SELECT, new Channel(Kind.PIPE, "pipe:[1]", ""), LISTENER)))
                .isEqualTo(ThreadState.WAIT);
    }

    @Test
    void aSelectorWithAConnectionOfItsOwnWaitsOnThatPeer() {
        assertThat(OsWaitRules.stateOf(call("epoll_wait", Call.SELECT, WAKE_UP, ACCEPTED, CONNECTED))).isEqualTo(ThreadState.IO);
    }

    @Test
    void filesFlushesPipesAndChildrenAreIo() {
        assertThat(OsWaitRules.stateOf(call("pread64", Call.RECEIVE, FILE))).isEqualTo(ThreadState.IO);
        assertThat(OsWaitRules.stateOf(call("fdatasync", Call.SYNC, FILE))).isEqualTo(ThreadState.IO);
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE, new Channel(Kind.PIPE, "pipe:[1]", "")))).isEqualTo(ThreadState.IO);
        assertThat(OsWaitRules.stateOf(call("wait4", Call.CHILD))).isEqualTo(ThreadState.IO);
        assertThat(OsWaitRules.stateOf(call("write", Call.SEND, ACCEPTED))).isEqualTo(ThreadState.IO);
    }

    @Test
    void datagramsServeUnlessConnectedToAPeer() {
        assertThat(OsWaitRules.stateOf(call("recvfrom", Call.RECEIVE, new Channel(Kind.DATAGRAM, "0.0.0.0:8125", ""))))
                .isEqualTo(ThreadState.WAIT);
        assertThat(OsWaitRules.stateOf(call("recvfrom", Call.RECEIVE, new Channel(Kind.DATAGRAM, "127.0.0.1:40000", "127.0.0.53:53"))))
                .isEqualTo(ThreadState.IO);
    }

    @Test
    void aTerminalWaitsForAPerson() {
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE, new Channel(Kind.TERMINAL, "/dev/pts/0", "")))).isEqualTo(ThreadState.WAIT);
    }

    @Test
    void futexesSleepsAndUnknownDescriptorsLeaveItToTheStack() {
        assertThat(OsWaitRules.stateOf(call("futex", Call.FUTEX))).isNull();
        assertThat(OsWaitRules.stateOf(call("nanosleep", Call.SLEEP))).isNull();
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE, Channel.UNKNOWN))).isNull();
        assertThat(OsWaitRules.stateOf(call("read", Call.RECEIVE))).isNull();
    }

    @Test
    void mostlyInDiskSleepIsIoWhateverTheCall() {
        assertThat(OsWaitRules.stateOf(new BlockedCall("futex", Call.FUTEX, List.of(), 10, 6, 0))).isEqualTo(ThreadState.IO);
    }

    @Test
    void aThreadsPollsAddUpByWhatTheyMean() {
        var off = OsWaitRules.OffCpu.of(List.of(
                call("accept4", Call.ACCEPT, LISTENER),
                new BlockedCall("read", Call.RECEIVE, List.of(CONNECTED), 30, 0, 0),
                new BlockedCall("futex", Call.FUTEX, List.of(), 20, 0, 5)));
        assertThat(off.awaitPolls()).isEqualTo(10);
        assertThat(off.ioPolls()).isEqualTo(30);
        assertThat(off.undecidedPolls()).isEqualTo(20);
        assertThat(off.futexBesideFileIoPolls()).isEqualTo(5);
        assertThat(off.polls()).isEqualTo(60);
        assertThat(off.awaitShareOfDescriptors()).isEqualTo(0.25);
        assertThat(OsWaitRules.OffCpu.NONE.awaitShareOfDescriptors()).isEqualTo(-1);
    }
}
