package dev.jbound.load;

import dev.jbound.analyze.StackStates;
import dev.jbound.model.Frame;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Timeline;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's bookkeeping: waits spread over the slices they cover, and memory that stays bounded. */
class StateTimelineTest {
    private static final long S = 1_000_000_000L;
    private static final Stack READ = Stack.of(Frame.java("java.net.SocketInputStream", "socketRead0"));

    @Test
    void anEightSecondReadFillsEightSlicesNotOne() {
        StateTimeline t = new StateTimeline(new StackStates());
        t.origin(0);
        t.wall(500_000_000L, 7, READ, ThreadState.IO, 8 * S);
        Timeline built = t.build(0, 10 * S, 2);
        Map<Integer, long[]> lane = built.byThread().get(7L);
        assertThat(built.slices()).isEqualTo(10);
        assertThat(lane.get(0)[ThreadState.IO.ordinal()]).isEqualTo(S / 2);
        for (int i = 1; i <= 7; i++) assertThat(lane.get(i)[ThreadState.IO.ordinal()]).as("slice %d", i).isEqualTo(S);
        assertThat(lane.get(8)[ThreadState.IO.ordinal()]).isEqualTo(S / 2);
        assertThat(lane).doesNotContainKey(9);
    }

    @Test
    void measuredCpuReplacesTheSampledCpuOfItsThreadSpreadOverItsPeriod() {
        StateTimeline t = new StateTimeline(new StackStates());
        t.origin(0);
        t.cpu(100, 3, Stack.of(Frame.java("x.Y", "spin")), 20_000_000L);
        t.measuredCpu(0, 4 * S, 3, 0.5 * 4 * S); // half of 2 CPUs for 4 s: a core
        Map<Integer, long[]> lane = t.build(0, 4 * S, 2).byThread().get(3L);
        for (int i = 0; i < 4; i++) assertThat(lane.get(i)[ThreadState.CPU.ordinal()]).isEqualTo(S);
    }

    @Test
    void hundredsOfThousandsOfThreadsCannotExhaustMemoryOrBreakTheSlices() {
        StateTimeline t = new StateTimeline(new StackStates());
        t.origin(0);
        Stack spin = Stack.of(Frame.java("x.Y", "spin"));
        for (long tid = 1; tid <= 300_000; tid++) t.cpu((tid % 3600) * S, tid, spin, 20_000_000L);
        Timeline built = t.build(0, 3600 * S, 2);
        long cells = built.byThread().values().stream().mapToLong(Map::size).sum();
        assertThat(cells).isLessThanOrEqualTo(StateTimeline.MAX_CELLS + 1);
        assertThat(built.sliceNanos()).isBetween(S, StateTimeline.MAX_SLICE_NANOS);
    }

    @Test
    void aSpanOfDaysGetsLongerSlicesNotMillionsOfThem() {
        StateTimeline t = new StateTimeline(new StackStates());
        t.origin(0);
        t.cpu(0, 1, Stack.of(Frame.java("x.Y", "spin")), 20_000_000L);
        Timeline built = t.build(0, 30L * 24 * 3600 * S, 2);
        assertThat(built.slices()).isLessThanOrEqualTo(StateTimeline.MAX_SLICES + 1);
    }
}
