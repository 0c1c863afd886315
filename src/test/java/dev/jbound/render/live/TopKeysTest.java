package dev.jbound.render.live;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jbound.render.live.TopKeys.Key;
import static org.assertj.core.api.Assertions.assertThat;

/** Every key of top on its state, without a terminal (TopView only reads keys and draws). */
class TopKeysTest {

    private static ThreadRow row(long tid, String name) {
        return new ThreadRow(tid, name, name, ThreadKind.APP, Breakdown.EMPTY, 0, ThreadState.CPU, "", false, 0, 1, "");
    }

    private static final List<ThreadRow> ROWS = List.of(row(11, "worker-1"), row(12, "worker-2"), row(13, "worker-3"),
            row(14, "reader-1"), row(15, "reader-2"));

    private static TopState press(TopState s, Key... keys) {
        for (Key k : keys) s = TopKeys.press(s, k, ROWS, 2).state();
        return s;
    }

    private static TopState type(TopState s, String text) {
        for (int c : text.codePoints().toArray()) s = TopKeys.type(s, c);
        return s;
    }

    @Test
    void movingTheSelectionStaysOnTheRowsAndPagesByTheScreen() {
        TopState s = TopState.initial();
        assertThat(press(s, Key.DOWN).selected()).isEqualTo(12);
        assertThat(press(s, Key.DOWN, Key.DOWN, Key.UP).selected()).isEqualTo(12);
        assertThat(press(s, Key.UP).selected()).as("the first row stays the first").isEqualTo(11);
        assertThat(press(s, Key.PAGE_DOWN).selected()).isEqualTo(13);
        assertThat(press(s, Key.END).selected()).isEqualTo(15);
        assertThat(press(s, Key.END, Key.PAGE_DOWN).selected()).isEqualTo(15);
        assertThat(press(s, Key.END, Key.HOME).selected()).isEqualTo(11);
        assertThat(TopKeys.press(s, Key.DOWN, List.of(), 2).state()).as("no rows, nothing to select").isEqualTo(s);
    }

    @Test
    void enterExpandsTheSelectedThreadAndEnterOrEscapeFoldsIt() {
        TopState open = press(TopState.initial(), Key.DOWN, Key.EXPAND);
        assertThat(open.expanded()).isEqualTo(12);
        assertThat(press(open, Key.EXPAND).expanded()).isZero();
        assertThat(press(open, Key.DOWN, Key.EXPAND).expanded()).as("another row's stack instead").isEqualTo(13);
        TopState folded = press(open.withFilter("worker"), Key.ESCAPE);
        assertThat(folded.expanded()).isZero();
        assertThat(folded.filter()).as("the first Escape folds the stack, the filter stays").isEqualTo("worker");
        assertThat(press(folded, Key.ESCAPE).filter()).isEmpty();
    }

    @Test
    void theFilterIsTypedAppliedOnEnterAndCancelledOnEscape() {
        TopState typing = press(TopState.initial().withFilter("old").withScroll(3), Key.FILTER);
        assertThat(typing.filterInput()).as("editing starts from the filter in force").isEqualTo("old");
        typing = type(typing, "\u007f\u007f\u007f" + "read" + "x" + "\u0008");
        assertThat(typing.filterInput()).isEqualTo("read");
        assertThat(typing.filter()).as("not applied while typed").isEqualTo("old");
        TopState applied = TopKeys.type(TopKeys.type(typing, ' '), '\r');
        assertThat(applied.filter()).isEqualTo("read");
        assertThat(applied.filterInput()).isNull();
        assertThat(applied.scroll()).isZero();
        TopState cancelled = TopKeys.type(typing, TopKeys.ESC);
        assertThat(cancelled.filter()).isEqualTo("old");
        assertThat(cancelled.filterInput()).isNull();
        assertThat(TopKeys.type(typing.withFilterInput(""), TopKeys.DELETE).filterInput()).isEmpty();
        assertThat(type(typing.withFilterInput(""), "näme→").filterInput()).as("any printable character").isEqualTo("näme→");
        assertThat(TopKeys.type(typing, 1).filterInput()).as("control characters are ignored").isEqualTo("read");
    }

    @Test
    void sortPauseReverseJvmThreadsToggleAndHelpClosesOnAnyKey() {
        TopState s = TopState.initial();
        assertThat(press(s, Key.SORT).sort()).isEqualTo(TopSort.ACTIVE);
        assertThat(press(s, Key.SORT, Key.SORT, Key.SORT, Key.SORT, Key.SORT).sort()).as("round the columns").isEqualTo(TopSort.CPU);
        assertThat(press(s, Key.PAUSE).paused()).isTrue();
        assertThat(press(s, Key.PAUSE, Key.PAUSE).paused()).isFalse();
        assertThat(press(s, Key.REVERSE).reversed()).isTrue();
        assertThat(press(s, Key.JVM).jvmThreads()).isTrue();
        TopState help = press(s, Key.HELP);
        assertThat(help.help()).isTrue();
        TopState closed = press(help, Key.SORT);
        assertThat(closed.help()).isFalse();
        assertThat(closed.sort()).as("the key that closes the help does nothing else").isEqualTo(TopSort.CPU);
    }

    @Test
    void quitAndCtrlCEndTheViewEvenFromTheHelp() {
        TopState help = TopState.initial().withHelp(true);
        assertThat(TopKeys.press(help, Key.QUIT, ROWS, 2).effect()).isEqualTo(TopKeys.Effect.QUIT);
        assertThat(TopKeys.press(help, Key.INTERRUPT, ROWS, 2).effect()).isEqualTo(TopKeys.Effect.INTERRUPT);
        assertThat(TopKeys.press(help, Key.NONE, ROWS, 2).effect()).isEqualTo(TopKeys.Effect.NONE);
    }

    @Test
    void theSelectionStaysOnScreenAndOnARowThatExists() {
        // the selected thread is gone (filtered out, or exited): the first row is selected
        TopState gone = TopKeys.keepOnScreen(TopState.initial().withSelected(99), ROWS, 3);
        assertThat(gone.selected()).isEqualTo(11);
        // the last row selected on a screen of 3 rows: scrolled so it shows
        TopState last = TopKeys.keepOnScreen(TopState.initial().withSelected(15), ROWS, 3);
        assertThat(last.scroll()).isEqualTo(2);
        // with its stack open it stays near the top, leaving the rest of the screen to the stack
        TopState open = TopKeys.keepOnScreen(TopState.initial().withSelected(14).withExpanded(14), ROWS, 6);
        assertThat(open.scroll()).isEqualTo(2);
        TopState up = TopKeys.keepOnScreen(last.withSelected(11), ROWS, 3);
        assertThat(up.scroll()).isZero();
    }
}
