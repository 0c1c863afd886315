package dev.jbound.cli;

import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zsh and fish completions cover the command model. Neither shell is installed here, so
 * these read the files; the bash script they build on is driven in bash by DocsTest.
 */
class ShellCompletionsTest {

    @Test
    void fishCompletesEverySubcommandAndEveryOptionUnderIt() throws IOException {
        List<String> fish = Files.readAllLines(Path.of("completions/jbound.fish"), StandardCharsets.UTF_8);
        CommandLine cmd = ManPage.commandLine();
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            assertThat(fish).as("subcommand %s", sub.getKey())
                    .contains("complete -c jbound -n __fish_use_subcommand -a '" + sub.getKey() + "' -d '"
                            + summary(sub.getValue().getCommandSpec().usageMessage().description()[0]) + "'");
            String when = "complete -c jbound -n '__fish_seen_subcommand_from " + sub.getKey() + "'";
            for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
                if (o.hidden()) continue;
                assertThat(fish).as("option %s of %s", o.longestName(), sub.getKey())
                        .anyMatch(line -> line.startsWith(when + " ") && line.contains(fishNames(o)));
            }
        }
    }

    @Test
    void fishOffersTheValuesOfEnumOptionsAndWorkloads() throws IOException {
        String fish = Files.readString(Path.of("completions/jbound.fish"), StandardCharsets.UTF_8);
        assertThat(fish).contains("'__fish_seen_subcommand_from ps' -s f -l format -x -a 'text json'")
                .contains("'__fish_seen_subcommand_from attach' -l recorder -x -a 'auto async jfr'")
                .contains("'__fish_seen_subcommand_from check' -s f -l format -x -a 'text json junit markdown'")
                .containsPattern("'__fish_seen_subcommand_from demo' -a 'cpu cpu-single [a-z -]*mixed' -d 'WORKLOAD'")
                .contains("'__fish_seen_subcommand_from report' -F\n") // FILE.jfr
                .contains("'__fish_seen_subcommand_from attach' -s o -l output -r -F ");
    }

    @Test
    void fishQuotesDescriptionsItsOwnWay() {
        assertThat(FishCompletion.quote("the JDK's \\ path")).isEqualTo("'the JDK\\'s \\\\ path'");
    }

    @Test
    void zshLoadsTheBashFunctionThroughBashcompinitAndAnswersTheFirstTab() throws IOException {
        String zsh = Files.readString(Path.of("completions/_jbound"), StandardCharsets.UTF_8);
        String bash = AutoComplete.bash("jbound", ManPage.commandLine());
        assertThat(zsh).startsWith("#compdef jbound\n");
        assertThat(zsh.indexOf("autoload -U +X bashcompinit && bashcompinit"))
                .as("bashcompinit before the script").isPositive().isLessThan(zsh.indexOf("function _complete_jbound()"));
        assertThat(zsh).contains(ZshCompletion.withoutShebang(bash)).doesNotContain("#!/usr/bin/env bash");
        assertThat(bash).contains("function _complete_jbound()", "complete -F _complete_jbound ");
        assertThat(zsh).endsWith("\n_bash_complete -F _complete_jbound -o default\n");
    }

    private static String fishNames(OptionSpec o) {
        StringBuilder sb = new StringBuilder();
        for (String n : o.names()) sb.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
        return sb.toString();
    }

    private static String summary(String line) {
        String plain = DescriptionText.plain(line).replace("'", "\\'");
        return plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
