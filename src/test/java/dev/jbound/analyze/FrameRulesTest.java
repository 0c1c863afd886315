package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameRulesTest {

    private final List<FrameRule> rules = FrameRules.defaults().rules();

    @Test
    void everyRuleIsReachableByAFrameNamedLikeItsPattern() {
        // A rule shadowed by an earlier, broader one would never fire: order is part of the table.
        List<String> shadowed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            FrameRule rule = rules.get(i);
            FrameRule first = FrameRules.defaults().match(frameFor(rule));
            if (first == null || rules.indexOf(first) != i) {
                shadowed.add(rule.id() + " " + rule.pattern() + " (taken by " + (first == null ? "nothing" : first.pattern()) + ")");
            }
        }
        assertThat(shadowed).isEmpty();
        assertThat(rules).hasSizeGreaterThan(100);
    }

    @Test
    void everyStateButRunqueueHasRules() {
        // runqueue comes from the OS sensor, never from a stack
        assertThat(rules).extracting(FrameRule::state).contains(
                ThreadState.IO, ThreadState.LOCK, ThreadState.WAIT, ThreadState.GC).doesNotContain(ThreadState.RUNQUEUE);
    }

    @Test
    void javaRulesIgnoreNativeFramesAndNativeRulesIgnoreJavaFrames() {
        FrameRule javaRule = new FrameRule("t", ThreadState.IO, FrameRule.Resolution.DECIDES, FrameRule.Match.METHOD, "read");
        FrameRule nativeRule = new FrameRule("t", ThreadState.IO, FrameRule.Resolution.DECIDES, FrameRule.Match.SYSCALL, "read");
        assertThat(javaRule.matches(Frame.nativeFrame("libc.so.6", "read"))).isFalse();
        assertThat(nativeRule.matches(Frame.java("com.acme", "read"))).isFalse();
        assertThat(nativeRule.matches(Frame.nativeFrame("libc.so.6", "__libc_read"))).isTrue();
        assertThat(nativeRule.matches(Frame.kernel("read"))).as("kernel frames are not libc").isFalse();
    }

    @Test
    void symbolRulesIgnoreTheCppArgumentList() {
        FrameRule rule = FrameRules.defaults().match(Frame.nativeFrame("libjvm.so", "ObjectMonitor::EnterI(JavaThread*)"));
        assertThat(rule).isNotNull();
        assertThat(rule.id()).isEqualTo("monitor-enter");
    }

    @ParameterizedTest
    @CsvSource({
            "__GI___poll, poll",
            "__libc_recv, recv",
            "__GI___libc_read, read",
            "__read_nocancel, read",
            "__pread64, pread",
            "pwrite64, pwrite",
            "___pthread_cond_timedwait64, pthread_cond_timedwait",
            "__futex_abstimed_wait_common64, futex_abstimed_wait_common",
            "epoll_wait, epoll_wait",
            "'fdatasync()', fdatasync",
    })
    void libcAliasesNormaliseToTheFunctionName(String symbol, String expected) {
        assertThat(NativeSymbol.libcName(symbol)).isEqualTo(expected);
    }

    @Test
    void aMalformedLineFailsWithItsTableAndLineNumber() {
        String table = """
                # heading
                ok    io   decides  method  a.B.c
                bad   io   decides  method
                """;
        assertThatThrownBy(() -> FrameRules.parse("T", table))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("T line 3");
        assertThatThrownBy(() -> FrameRules.parse("T", "x  busy  decides  method  a.B.c"))
                .hasMessageContaining("unknown state 'busy'");
        assertThatThrownBy(() -> FrameRules.parse("T", "x  io  maybe  method  a.B.c"))
                .hasMessageContaining("T line 1");
        assertThat(FrameRules.parse("T", table.lines().limit(2).reduce("", (a, b) -> a + b + "\n")))
                .containsExactly(new FrameRule("ok", ThreadState.IO, FrameRule.Resolution.DECIDES, FrameRule.Match.METHOD, "a.B.c"));
    }

    private static Frame frameFor(FrameRule rule) {
        return switch (rule.match()) {
            case METHOD, PREFIX -> {
                int dot = rule.pattern().lastIndexOf('.');
                yield Frame.java(rule.pattern().substring(0, dot), rule.pattern().substring(dot + 1));
            }
            case SYMBOL, SYMBOL_PREFIX, SYMBOL_CONTAINS, SYSCALL -> Frame.nativeFrame("lib.so", rule.pattern());
        };
    }
}
