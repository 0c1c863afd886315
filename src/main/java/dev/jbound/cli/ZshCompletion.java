package dev.jbound.cli;

/**
 * The zsh completion function _jbound: picocli's bash completion script, which runs in zsh
 * through bashcompinit, wrapped as a function that compinit finds on $fpath. The first TAB
 * loads the file as the body of _jbound: it defines the bash functions, registers them for the
 * next TABs (the script's own complete -F, which bashcompinit turns into a compdef) and answers
 * this one.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String of(String name, String bashScript) {
        String function = "_complete_" + name;
        if (!bashScript.contains("function " + function + "()")) {
            throw new IllegalStateException("the bash completion does not define " + function);
        }
        return "#compdef " + name + "\n"
                + "# zsh completion for " + name + ", generated from its command model by dev.jbound.cli.DocsGenerator;\n"
                + "# do not edit. Install as _" + name + " in a directory on $fpath (before compinit runs).\n"
                + "# What follows is the bash completion (completions/" + name + ".bash), run through bashcompinit.\n\n"
                + "autoload -U +X bashcompinit && bashcompinit\n\n"
                + withoutShebang(bashScript)
                + "\n# answer the TAB that loaded this file; the next ones go to the compdef made above\n"
                + "_bash_complete -F " + function + " -o default\n";
    }

    /** The script as zsh runs it: its #! line would only be a comment in the middle of the file. */
    static String withoutShebang(String bashScript) {
        return bashScript.startsWith("#!") ? bashScript.substring(bashScript.indexOf('\n') + 1) : bashScript;
    }
}
