package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** --jfr FILE: keep the raw recording; for the commands that record. */
public final class KeepJfrOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--jfr", paramLabel = "FILE", description = "Keep the raw JFR recording in FILE.")
    Path jfr;

    void validate() {
        OutputOptions.checkWritable(spec, jfr, "--jfr");
    }
}
