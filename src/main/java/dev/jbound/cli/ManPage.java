package dev.jbound.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;

/**
 * Writes a troff man page for one command from picocli's command model, so the pages say exactly
 * what the CLI accepts. {@link DocsGenerator} writes them to man/; a test fails when they drift.
 */
final class ManPage {
    private static final String DATE = "2026";

    private ManPage() {
    }

    static String of(CommandSpec spec) {
        return of(spec, "");
    }

    /** @param extra troff sections placed after OPTIONS (the shell's commands) */
    static String of(CommandSpec spec, String extra) {
        StringBuilder sb = new StringBuilder();
        String name = spec.qualifiedName("-");
        String version = new VersionProvider().getVersion()[0];
        sb.append(".TH ").append(quote(name.toUpperCase())).append(" 1 ").append(quote(DATE)).append(' ')
                .append(quote(version)).append(" \"jbound manual\"\n");
        sb.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(first(spec.usageMessage().description())))
                .append('\n');
        sb.append(".SH SYNOPSIS\n.B ").append(escape(spec.qualifiedName(" "))).append('\n');
        if (!spec.subcommands().isEmpty()) sb.append("\\fICOMMAND\\fR ");
        sb.append("[\\fIOPTIONS\\fR]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            String label = "\\fI" + escape(p.paramLabel()) + "\\fR" + (p.arity().max > 1 ? "..." : "");
            sb.append(' ').append(p.arity().min == 0 ? "[" + label + "]" : label);
        }
        sb.append("\n.SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) sb.append(escape(line)).append("\n.PP\n");
        if (!spec.subcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            spec.subcommands().forEach((n, sub) -> {
                if (sub.getCommandSpec().usageMessage().hidden() || !n.equals(sub.getCommandName())) return;
                sb.append(".TP\n.B ").append(escape(n)).append('\n')
                        .append(escape(first(sub.getCommandSpec().usageMessage().description()))).append('\n')
                        .append("See \\fB").append(escape(name + "-" + n)).append("\\fR(1).\n");
            });
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                sb.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n').append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        sb.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            sb.append(".TP\n");
            sb.append("\\fB").append(escape(String.join(", ", o.names()))).append("\\fR");
            if (o.typeInfo().isBoolean() && o.arity().max == 0) sb.append('\n');
            else sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR\n");
            sb.append(escape(String.join(" ", o.description()))).append('\n');
        }
        sb.append(extra);
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            sb.append(".SH EXAMPLES\n.nf\n");
            for (String line : footer) sb.append(escape(line)).append('\n');
            sb.append(".fi\n");
        }
        sb.append(".SH EXIT STATUS\n");
        var exitCodes = spec.usageMessage().exitCodeList();
        if (exitCodes.isEmpty()) {
            sb.append("0 success; 1 a check failed; 2 usage error; 3 target not found or not attachable;"
                    + " 4 recording failed (also internal errors, which say they are a bug and print a stack trace); 130 interrupted after printing"
                    + " what was gathered.\n");
        } else {
            // a command whose exit codes differ from the rest declares them (picocli's exitCodeList)
            exitCodes.forEach((code, meaning) -> sb.append(".TP\n.B ").append(escape(code.strip())).append('\n')
                    .append(escape(meaning.strip())).append('\n'));
        }
        sb.append(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set and not empty, no colour is used.\n")
                .append(".TP\n.B JAVA_HOME\nThe launcher runs \\fI$JAVA_HOME/bin/java\\fR when set.\n")
                .append(".TP\n.B XDG_CACHE_HOME\nWhere the unpacked async-profiler and jbound's state (session markers, the ledger"
                        + " of scratch recordings) are kept: \\fI$XDG_CACHE_HOME/jbound\\fR, by default \\fI~/.cache/jbound\\fR;"
                        + " for root \\fI/var/lib/jbound\\fR.\n");
        sb.append(".SH SEE ALSO\n");
        if (spec.parent() == null) {
            StringBuilder see = new StringBuilder();
            spec.subcommands().forEach((n, sub) -> {
                if (!n.equals(sub.getCommandName())) return;
                if (see.length() > 0) see.append(", ");
                see.append("\\fB").append(escape(name + "-" + n)).append("\\fR(1)");
            });
            sb.append(see).append('\n');
        } else {
            sb.append("\\fBjbound\\fR(1)\n");
        }
        return sb.toString();
    }

    /**
     * The shell's commands, from the shell's own command model: each with its synopsis, what it
     * does and its options; those the command line shares point to their own page.
     */
    static String shellCommands(CommandLine shell, CommandLine cli) {
        StringBuilder sb = new StringBuilder(".SH SHELL COMMANDS\n");
        shell.getSubcommands().forEach((n, sub) -> {
            if (!n.equals(sub.getCommandName())) return;
            CommandSpec spec = sub.getCommandSpec();
            StringBuilder synopsis = new StringBuilder(escape(n));
            for (String alias : spec.aliases()) synopsis.append(", ").append(escape(alias));
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String label = "\\fI" + escape(p.paramLabel()) + "\\fR";
                synopsis.append(' ').append(p.arity().min == 0 ? "[" + label + "]" : label);
            }
            sb.append(".TP\n.B ").append(synopsis).append('\n');
            CommandLine same = cli.getSubcommands().get(n);
            if (same != null && same.getCommand().getClass() == sub.getCommand().getClass()) {
                boolean optionalTarget = spec.positionalParameters().stream()
                        .anyMatch(p -> p.paramLabel().equals("PID|NAME") && p.arity().min == 0);
                sb.append(escape(first(spec.usageMessage().description()))).append(" As on the command line; see \\fB")
                        .append(escape("jbound-" + n)).append("\\fR(1).")
                        .append(optionalTarget ? " Without \\fIPID|NAME\\fR it works on the attached JVM." : "").append('\n');
                return;
            }
            sb.append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
            for (OptionSpec o : spec.options()) {
                if (o.hidden() || o.usageHelp() || o.versionHelp() || o.longestName().equals("--verbose")) continue;
                sb.append(".RS\n.TP\n\\fB").append(escape(String.join(", ", o.names()))).append("\\fR");
                if (!(o.typeInfo().isBoolean() && o.arity().max == 0)) sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
                sb.append('\n').append(escape(String.join(" ", o.description()))).append("\n.RE\n");
            }
        });
        return sb.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "") + "\"";
    }

    /**
     * Backslashes and hyphens need escaping in troff; a line may not begin with a control character.
     * Descriptions and examples are picocli format strings: %% is one percent sign.
     */
    static String escape(String s) {
        String out = DescriptionText.plain(s).replace("\\", "\\e").replace("-", "\\-");
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            if (line.startsWith(".") || line.startsWith("'")) sb.append("\\&");
            sb.append(line);
        }
        return sb.toString();
    }

    static CommandLine commandLine() {
        return JboundCli.create(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), false);
    }
}
