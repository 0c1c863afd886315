package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** --flame FILE and --html FILE: pages to open in a browser, for the commands that make a report. */
public final class ArtefactOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--flame", paramLabel = "FILE",
            description = "Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler's converter):"
                    + " one of CPU time and one of blocked time (io + lock), each rooted at the thread's pool.")
    Path flame;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it):"
                    + " verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended"
                    + " locks, the pools and the flame graphs.")
    Path html;

    /** The pages asked for, each file checked writable before anything is recorded. */
    Pages validated() {
        OutputOptions.checkWritable(spec, flame, "--flame");
        OutputOptions.checkWritable(spec, html, "--html");
        return new Pages(flame, html);
    }
}
