package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** --jfr FILE: keep the raw recording; for the commands that record. */
public final class KeepJfrOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--jfr", paramLabel = "FILE", description = "Keep the raw JFR recording in FILE (run --subprocesses: the first JVM's; each other one's in FILE with its pid added).")
    Path jfr;

    void validate() {
        OutputOptions.checkWritable(spec, jfr, "--jfr");
    }
}
