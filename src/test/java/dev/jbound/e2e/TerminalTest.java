package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.TargetMain;
import dev.jbound.support.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** jbound in a real terminal (tmux): progress while recording, colour, and a clean screen after. */
class TerminalTest {
    private ChildJvm target;
    private Tmux tmux;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Tmux.available(), "needs tmux");
        target = ChildJvm.start(TargetMain.class.getName(), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) tmux.close();
        if (target != null) target.close();
    }

    private String attach() {
        return "attach " + target.pid() + " --duration 3s";
    }

    /** Waits for the screen to show {@code text}, then returns it with its colour escapes. */
    private String awaitWithEscapes(String text) throws Exception {
        tmux.await(text);
        return tmux.screenWithEscapes();
    }

    @Test
    void showsProgressWhileRecordingThenAColouredReportAndNoLeftoverProgressLine() throws Exception {
        tmux = Tmux.start(120, 50);
        tmux.keys(Tmux.jboundScript("LANG=C.UTF-8 TERM=xterm-256color", attach()), "Enter");
        String during = tmux.await("recording pid " + target.pid());
        assertThat(during).contains("recording pid " + target.pid()).contains("Ctrl-C stops early");
        String after = awaitWithEscapes("TTY-");
        assertThat(after).contains("EXIT=0").contains("VERDICT").contains("\u001b[1m");
        assertThat(tmux.screen()).doesNotContain("recording pid");
    }

    @Test
    void noColorTurnsColourOff() throws Exception {
        tmux = Tmux.start(120, 50);
        tmux.keys(Tmux.jboundScript("NO_COLOR=1 TERM=xterm-256color", attach()), "Enter");
        String after = awaitWithEscapes("TTY-");
        assertThat(after).contains("EXIT=0").contains("VERDICT");
        // the prompt and tmux itself may style the screen; the report must not
        String report = after.substring(after.indexOf("jbound ·"), after.indexOf("EXIT="));
        assertThat(report).doesNotContain("\u001b[");
    }

    @Test
    void checkMarksFailuresInColourOnATerminalAndNotUnderNoColor() throws Exception {
        String check = "check --report " + Path.of("src/test/resources/recordings/lock.jfr").toAbsolutePath() + " --max lock=10%";
        tmux = Tmux.start(160, 60);
        tmux.keys(Tmux.jboundScript("LANG=C.UTF-8 TERM=xterm-256color", check), "Enter");
        String coloured = awaitWithEscapes("TTY-");
        assertThat(coloured).contains("EXIT=1").contains("\u001b[31mFAIL");
        tmux.keys("clear", "Enter");
        tmux.await(s -> !s.contains("TTY-")); // so that the next TTY- seen is the second run's
        tmux.keys(Tmux.jboundScript("NO_COLOR=1 TERM=xterm-256color", check), "Enter");
        String plain = awaitWithEscapes("TTY-");
        assertThat(plain).contains("EXIT=1").contains("FAIL  lock");
        assertThat(plain.substring(plain.indexOf("jbound ·"), plain.indexOf("EXIT="))).doesNotContain("\u001b[");
    }
}
