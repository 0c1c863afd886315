package dev.jbound.cli;

import dev.jbound.support.BashCompletion;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** man/ and completions/ are generated from the command model and must not drift from it. */
class DocsTest {

    @Test
    void committedManPagesAndCompletionsAreWhatTheCommandModelGenerates() throws IOException {
        for (Map.Entry<String, String> e : DocsGenerator.files().entrySet()) {
            Path committed = Path.of(e.getKey());
            assertThat(committed).as("%s is missing; regenerate: java -cp target/jbound.jar dev.jbound.cli.DocsGenerator .", committed).exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s is out of date; regenerate: java -cp target/jbound.jar dev.jbound.cli.DocsGenerator .", committed)
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void everyCommandAndOptionIsInItsManPage() throws IOException {
        CommandLine cmd = ManPage.commandLine();
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            String page = Files.readString(Path.of("man/jbound-" + sub.getKey() + ".1"));
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                if (o.hidden()) continue;
                assertThat(page).as("man page of %s", sub.getKey()).contains(ManPage.escape(o.longestName()));
            }
            assertThat(Files.readString(Path.of("man/jbound.1"))).contains(sub.getKey());
        }
    }

    @Test
    void everyShellCommandAndItsOptionsAreInTheShellsManPage() throws IOException {
        String page = Files.readString(Path.of("man/jbound-shell.1"));
        CommandLine shell = DocsGenerator.shellCommandLine();
        assertThat(shell.getSubcommands().keySet()).contains("attach", "detach", "ps", "record", "verdict", "threads", "stack",
                "locks", "top", "dump", "save", "diff", "help", "exit");
        for (Map.Entry<String, CommandLine> sub : shell.getSubcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) continue; // an alias, under its command
            assertThat(page).as("shell command %s", sub.getKey()).contains(".B " + ManPage.escape(sub.getKey()));
            CommandLine cli = ManPage.commandLine().getSubcommands().get(sub.getKey());
            if (cli != null && cli.getCommand().getClass() == sub.getValue().getCommand().getClass()) continue; // its own page
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                if (o.hidden() || o.usageHelp() || o.versionHelp() || o.longestName().equals("--verbose")) continue;
                assertThat(page).as("option %s of shell command %s", o.longestName(), sub.getKey()).contains(ManPage.escape(o.longestName()));
            }
        }
    }

    /** picocli reads descriptions as format strings: a lone % makes it warn on stderr and print the raw text. */
    @Test
    void everyUsageFormatsWithoutPicocliWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine root : List.of(ManPage.commandLine(), DocsGenerator.shellCommandLine())) {
                root.usage(new java.io.PrintWriter(java.io.Writer.nullWriter()));
                for (CommandLine c : root.getSubcommands().values()) c.usage(new java.io.PrintWriter(java.io.Writer.nullWriter()));
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everySubcommandAnswersHelpOnStdoutAndExitsZero() {
        for (String sub : JboundCli.create(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), false).getSubcommands().keySet()) {
            dev.jbound.support.Jbound.Run run = dev.jbound.support.Jbound.run(sub, "--help");
            assertThat(run.exitCode()).as("jbound %s --help: %s", sub, run.err()).isZero();
            assertThat(run.out()).startsWith("Usage: jbound " + sub);
        }
    }

    @Test
    void theManPagesRender() throws Exception {
        Path man = Path.of("/usr/bin/man");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(man), "man is not installed");
        Process p = new ProcessBuilder(man.toString(), "-l", "man/jbound-attach.1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("--duration", "EXIT STATUS");
    }

    @Test
    void bashCompletesCommandsAndFormats() throws Exception {
        assertThat(complete("jbound", "")).contains("attach", "demo", "ps");
        assertThat(complete("jbound", "ps", "--format", "")).contains("text", "json");
        assertThat(complete("jbound", "attach", "--for")).containsExactly("--format");
        assertThat(complete("jbound", "attach", "--format", "")).contains("text", "json");
        assertThat(complete("jbound", "demo", "gc")).contains("gc");
    }

    private static List<String> complete(String... words) throws Exception {
        return BashCompletion.complete(Path.of("completions/jbound.bash"), "_complete_jbound", words);
    }
}
