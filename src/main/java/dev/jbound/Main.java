package dev.jbound;

/** Entry point of the jbound launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Timing.mark("main");
        int code = dev.jbound.cli.JboundCli.run(args, System.out, System.err);
        Timing.mark("exit");
        System.exit(code);
    }
}
