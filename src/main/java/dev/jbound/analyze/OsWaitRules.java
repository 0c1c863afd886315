package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.ThreadState;

import java.util.List;

/**
 * What the OS's view of a blocked system call says a thread waits for, for any framework
 * (DESIGN.md: waiting for a client is not I/O). A thread in accept, or reading or selecting only on
 * listeners and on connections that a listener accepted, waits for a client: {@code wait}. A read
 * on a connection this process opened waits for its peer's answer, and a file, a device, a pipe or
 * a flush is the disk's or another process's time: {@code io}. A futex or a sleep says nothing of
 * its own: the stack decides.
 */
final class OsWaitRules {

    private OsWaitRules() {
    }

    /** {@code wait}, {@code io}, or null when the call alone cannot say. */
    static ThreadState stateOf(BlockedCall call) {
        if (call.diskSleep() * 2 > call.polls()) return ThreadState.IO;
        return switch (call.call()) {
            case ACCEPT -> ThreadState.WAIT;
            case RECEIVE, SELECT -> ofChannels(call.call(), call.channels());
            case SEND, CONNECT, SYNC, CHILD -> ThreadState.IO;
            case FUTEX, SLEEP, OTHER -> null;
        };
    }

    /**
     * A selector's wake-up descriptor (an eventfd, or a pipe in old JDKs) is always there and says
     * nothing; a selector with nothing else registered has nothing to do.
     */
    private static ThreadState ofChannels(BlockedCall.Call call, List<Channel> channels) {
        if (channels.isEmpty()) return null;
        boolean sockets = channels.stream().anyMatch(Channel::isSocket);
        boolean known = false;
        for (Channel c : channels) {
            switch (c.kind()) {
                case CONNECTED, FILE, DEVICE -> {
                    return ThreadState.IO;
                }
                // a connected datagram socket is a client's (a DNS lookup); an unconnected one serves
                case DATAGRAM -> {
                    if (!c.remote().isEmpty()) return ThreadState.IO;
                    known = true;
                }
                case PIPE -> {
                    if (call == BlockedCall.Call.RECEIVE && !sockets) return ThreadState.IO;
                }
                case LISTENER, ACCEPTED, TERMINAL, EVENT -> known = true;
                case UNKNOWN -> {
                }
            }
        }
        if (known) return ThreadState.WAIT;
        // only pipes: a selector's wake-up pipe
        boolean allPipes = channels.stream().allMatch(c -> c.kind() == Channel.Kind.PIPE);
        return allPipes && call == BlockedCall.Call.SELECT ? ThreadState.WAIT : null;
    }

    /** How one thread's polls split between waiting for work, I/O, and calls the stack must explain. */
    record OffCpu(int awaitPolls, int ioPolls, int futexBesideFileIoPolls, int undecidedPolls) {

        static final OffCpu NONE = new OffCpu(0, 0, 0, 0);

        static OffCpu of(List<BlockedCall> calls) {
            int await = 0, io = 0, beside = 0, undecided = 0;
            for (BlockedCall c : calls) {
                ThreadState s = stateOf(c);
                if (s == ThreadState.WAIT) await += c.polls();
                else if (s == ThreadState.IO) io += c.polls();
                else {
                    undecided += c.polls();
                    if (c.call() == BlockedCall.Call.FUTEX) beside += c.besideFileIo();
                }
            }
            return new OffCpu(await, io, beside, undecided);
        }

        int polls() {
            return awaitPolls + ioPolls + undecidedPolls;
        }

        /** Of the polls on descriptors, the share that waited for a client; -1 when none were on one. */
        double awaitShareOfDescriptors() {
            int d = awaitPolls + ioPolls;
            return d == 0 ? -1 : (double) awaitPolls / d;
        }
    }
}
