package dev.jbound.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line builds only the subcommand it runs; what it prints must not show it. */
class SubcommandsTest {

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        for (Class<?> named : JboundCommand.SUBCOMMANDS) {
            String name = named.getAnnotation(CommandLine.Command.class).name();
            CommandLine cmd = lean("--verbose", name, "--help");
            assertThat(cmd.getSubcommands().keySet()).as("running %s", name).containsExactly(name);
            assertThat((Object) cmd.getSubcommands().get(name).getCommand()).isInstanceOf(named);
        }
    }

    @Test
    void whereTheTopLevelHelpMayListThemTheOthersAreStubs() {
        for (String[] args : List.of(new String[] {"--help", "ps"}, new String[] {"-h"}, new String[0], new String[] {"pss"})) {
            CommandLine cmd = lean(args);
            assertThat(cmd.getSubcommands()).as(String.join(" ", args)).hasSize(JboundCommand.SUBCOMMANDS.size());
            cmd.getSubcommands().forEach((n, sub) -> {
                if (n.equals("ps") && args.length == 2) assertThat((Object) sub.getCommand()).isInstanceOf(PsCommand.class);
                else assertThat((Object) sub.getCommand()).as("%s while running %s", n, String.join(" ", args)).isNull();
            });
        }
    }

    @Test
    void theNamedSubcommandIsTheFirstArgumentThatIsNotAnOption() {
        assertThat(Subcommands.named(new String[] {"--verbose", "ps", "--format", "json"})).isEqualTo("ps");
        assertThat(Subcommands.named(new String[] {"run", "java", "-version"})).isEqualTo("run");
        assertThat(Subcommands.named(new String[] {"--help"})).isNull();
        assertThat(Subcommands.named(new String[0])).isNull();
    }

    @Test
    void helpErrorsAndVersionReadTheSameAsWithEveryCommandBuilt() {
        List<String[]> runs = new ArrayList<>(List.of(new String[0], new String[] {"--help"}, new String[] {"-h"},
                new String[] {"--version"}, new String[] {"pss"}, new String[] {"--bogus"}, new String[] {"--help", "ps"},
                new String[] {"attach"}, new String[] {"ps", "--format", "yaml"}, new String[] {"ps", "attach"},
                new String[] {"--verbose", "ps", "--bogus"}, new String[] {"-V", "ps"}, new String[] {"run"}));
        for (Class<?> c : JboundCommand.SUBCOMMANDS) {
            runs.add(new String[] {c.getAnnotation(CommandLine.Command.class).name(), "--help"});
        }
        for (String[] args : runs) {
            assertThat(output(lean(args), args)).as(String.join(" ", args)).isEqualTo(output(full(), args));
        }
    }

    private static String output(CommandLine cmd, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
    }

    private static CommandLine lean(String... args) {
        return JboundCli.create(sink(), sink(), false, args);
    }

    private static CommandLine full() {
        return JboundCli.create(sink(), sink(), false);
    }

    private static PrintWriter sink() {
        return new PrintWriter(java.io.Writer.nullWriter());
    }
}
