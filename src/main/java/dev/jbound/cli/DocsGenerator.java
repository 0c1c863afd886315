package dev.jbound.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates man/ pages and completions/ (bash, zsh, fish) from the command model:
 * {@code java -cp target/jbound.jar dev.jbound.cli.DocsGenerator DIR}. The build writes them to
 * target/generated-docs for the distribution archive; the copies committed at the top of the
 * repository are for a checkout, and DocsTest fails when they drift.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    /** Relative path → content, for every generated file. */
    static Map<String, String> files() {
        CommandLine cmd = ManPage.commandLine();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("man/jbound.1", ManPage.of(cmd.getCommandSpec()));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                String extra = name.equals("shell") ? ManPage.shellCommands(shellCommandLine(), cmd) : "";
                files.put("man/jbound-" + name + ".1", ManPage.of(sub.getCommandSpec(), extra));
            }
        });
        String bash = AutoComplete.bash("jbound", cmd);
        files.put("completions/jbound.bash", bash);
        files.put("completions/_jbound", ZshCompletion.of("jbound", bash));
        files.put("completions/jbound.fish", FishCompletion.of(cmd));
        return files;
    }

    /** The shell's command model, as jbound shell builds it (no terminal is needed to read it). */
    static CommandLine shellCommandLine() {
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        return JboundCli.createShell(new ShellSession(null), sink, sink, false);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> e : files().entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
