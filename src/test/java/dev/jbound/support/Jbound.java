package dev.jbound.support;

import dev.jbound.cli.JboundCli;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs jbound through its real entry point with captured stdout and stderr. */
public final class Jbound {

    public record Run(int exitCode, String out, String err) {
        public JsonNode json() {
            return JsonDocs.parse(out);
        }
    }

    private Jbound() {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, java.nio.charset.Charset.defaultCharset());
             PrintStream e = new PrintStream(err, true, java.nio.charset.Charset.defaultCharset())) {
            code = JboundCli.run(args, o, e);
        }
        return new Run(code, out.toString(java.nio.charset.Charset.defaultCharset()), err.toString(java.nio.charset.Charset.defaultCharset()));
    }
}
