package dev.jbound;

/** Entry point of the jbound launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(dev.jbound.cli.JboundCli.run(args, System.out, System.err));
    }
}
