package dev.jbound.render.live;

import dev.jbound.analyze.Analyzer;
import dev.jbound.load.JfrLoader;
import dev.jbound.model.LiveTick;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadRow;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * top's frame for a real recording (the lock demo) at every size and in every mode: never more
 * rows or columns than the terminal has, title first and keys last, and the target's text escaped.
 */
class TopScreenTest {
    private static final int[][] SIZES = {{80, 24}, {20, 5}, {40, 12}, {100, 30}, {200, 60}, {300, 100}};

    private static LiveTick tick(String evilName) throws Exception {
        Report r = Analyzer.analyze(new Analyzer.Input(JfrLoader.load(Path.of("src/test/resources/recordings/lock.jfr")),
                null, null, new Report.Target(42, "com.example.OrderService", "17.0.15"), "async-profiler", List.of(), 2));
        List<ThreadRow> rows = new ArrayList<>(r.threads());
        ThreadRow first = rows.get(0);
        rows.set(0, new ThreadRow(first.osTid(), evilName, first.pool(), first.kind(), first.breakdown(), first.cpuNanos(),
                first.mainState(), first.topFrame(), first.idle(), first.samples()));
        Report evil = new Report(r.target(), r.window(), r.sampling(), r.cores(), r.breakdown(), r.busyThreads(), r.verdict(),
                r.strategy(), r.topFrames(), r.locks(), r.pools(), rows, r.jvm(), r.io(), r.notes(), r.phases());
        return new LiveTick(3, evil, null, r.breakdown(), r.window().durationNanos(), r.verdict(), false);
    }

    private static List<TopState> modes(LiveTick tick) {
        List<TopState> modes = new ArrayList<>();
        modes.add(TopState.initial());
        modes.add(TopState.initial().withHelp(true));
        modes.add(TopState.initial().withFilter("no thread has this name").withPaused(true));
        long second = tick.report().threads().get(1).osTid();
        modes.add(TopState.initial().withExpanded(second).withSelected(second).withSort(TopSort.NAME).withJvmThreads(true));
        modes.add(TopState.initial().withFilterInput("sync"));
        return modes;
    }

    @Test
    void everyFrameFitsItsTerminalWithTitleFirstAndKeysLast() throws Exception {
        LiveTick tick = tick("worker-1");
        for (boolean unicode : new boolean[] {true, false}) {
            TopScreen screen = new TopScreen(new TopScreen.Target(42, "com.example.OrderService", "17.0.15", 1), true, unicode);
            for (int[] size : SIZES) {
                int cols = size[0], rows = size[1];
                for (TopState state : modes(tick)) {
                    for (LiveTick t : new LiveTick[] {tick, null}) {
                        List<AttributedString> lines = screen.render(state, t, cols, rows, "pid 42 exited");
                        String where = cols + "x" + rows + (t == null ? " before the first interval" : "");
                        assertThat(lines).as(where).hasSizeLessThanOrEqualTo(rows);
                        for (AttributedString l : lines) assertThat(l.columnLength()).as(where + ": " + l).isLessThanOrEqualTo(cols);
                        assertThat(lines.get(0).toString()).as(where).startsWith(" jbound top");
                        if (rows >= 12) {
                            assertThat(lines).as(where).hasSize(rows);
                            String last = lines.get(rows - 1).toString();
                            assertThat(last).as(where).matches(state.filterInput() != null ? "filter: .*" : "q quit.*");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theTargetsTextCannotDriveTheTerminal() throws Exception {
        LiveTick tick = tick("evil\u001b[2J\u001b]0;owned\u0007\nFORGED\u202E");
        TopScreen screen = new TopScreen(new TopScreen.Target(42, "com.example.\u001b[31mOrder", "17\n", 1), true, true);
        for (TopState state : modes(tick)) {
            for (AttributedString line : screen.render(state, tick, 200, 60, null)) {
                String text = line.toString();
                assertThat(text).doesNotContain("\u001b", "\u0007", "\n", "\u202E");
            }
        }
        String frame = screen.render(TopState.initial(), tick, 200, 60, null).toString();
        assertThat(frame).contains("evil\\x1b[2J\\x1b]0;owned\\x07\\x0aFORGED", "com.example.\\x1b[31mOrder");
    }
}
