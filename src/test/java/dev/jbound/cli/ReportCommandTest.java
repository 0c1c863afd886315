package dev.jbound.cli;

import dev.jbound.support.Jbound;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** jbound report on recordings from both recorders, and on files that are not whole recordings. */
class ReportCommandTest {

    private static final Path RECORDINGS = Path.of("src/test/resources/recordings");

    @TempDir
    Path dir;

    private static void assertOneLineError(Jbound.Run run, int code, String text) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("jbound: ").contains(text);
        assertThat(run.err().lines().count()).as("stderr: %s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void anAsyncProfilerRecordingGetsTheSameVerdictAsWhenItWasMade() {
        Jbound.Run run = Jbound.run("report", RECORDINGS.resolve("lock.jfr").toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("lock-bound");
        assertThat(r.get("sampling").get("recorder").asString()).isEqualTo("async-profiler");
        assertThat(r.get("sampling").get("osSensor").asBoolean()).isFalse();
    }

    @Test
    void aRecordingFromElsewhereGetsItsPagesToo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html"), flame = dir.resolve("flame.html");
        Jbound.Run run = Jbound.run("report", RECORDINGS.resolve("jdk/lock-default.jfr").toString(),
                "--html", html.toString(), "--flame", flame.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("jbound: wrote " + html, "jbound: wrote " + flame);
        // the JDK's monitor-enter events are blocked time: the blocked graph is drawn, not "no thread was blocked"
        assertThat(Files.readString(flame)).contains("id=\"verdict\">lock-bound<", "CPU flame graph", "Blocked flame graph")
                .doesNotContain("No thread was blocked");
        assertThat(Files.readString(html)).contains("id=\"verdict\"", "lock-bound", "id=\"locks\"", "id=\"timeline\"");
    }

    @Test
    void aJdkRecordingReportsInTextWithWhereItCameFrom() {
        Jbound.Run run = Jbound.run("report", RECORDINGS.resolve("jdk/io-default.jfr").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("VERDICT io-bound", "dev.jbound.demo.WorkloadMain", "JDK 17.");
    }

    @Test
    void anAsyncProfilerRecordingNamesItsJdkAndWhereItsBusyThreadsComeFrom() {
        // async-profiler writes the JVM's version alone, not inside the VM's banner
        Jbound.Run gc = Jbound.run("report", RECORDINGS.resolve("gc.jfr").toString());
        assertThat(gc.out()).contains("JDK 17.0.15")
                // 2 allocating threads and the GC's busy beside them: the average counts both
                .containsPattern("2 active threads \\(\\d+\\.\\d busy on average, the GC's threads included\\)");
        assertThat(Jbound.run("report", RECORDINGS.resolve("lock.jfr").toString()).out()).contains("(4.0 busy on average)");
    }

    @Test
    void concatenatedRecordingsAreReadChunkByChunk() throws IOException {
        Path both = concat("both.jfr", RECORDINGS.resolve("jdk/lock-default.jfr"), RECORDINGS.resolve("jdk/rlock-profile.jfr"));
        Jbound.Run run = Jbound.run("report", both.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("lock-bound");
        // both JVMs' workers are there
        assertThat(r.get("threads").toString()).contains("sync-worker-1", "rlock-worker-1");
        assertThat(r.get("notes").toString()).doesNotContain("incomplete");
    }

    @Test
    void aTruncatedRecordingGivesTheVerdictOverItsWholeChunks() throws IOException {
        Path whole = concat("whole.jfr", RECORDINGS.resolve("jdk/io-default.jfr"), RECORDINGS.resolve("jdk/disk-profile.jfr"));
        Path cut = dir.resolve("cut.jfr");
        byte[] bytes = Files.readAllBytes(whole);
        long first = Files.size(RECORDINGS.resolve("jdk/io-default.jfr"));
        Files.write(cut, Arrays.copyOf(bytes, (int) (first + (bytes.length - first) / 2)));
        Jbound.Run run = Jbound.run("report", cut.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("io-bound");
        assertThat(r.get("notes").toString()).contains("incomplete", "first 1 chunk");
        assertThat(r.get("threads").toString()).contains("io-client-").doesNotContain("fsync-writer-");
    }

    @Test
    void aRecordingCutInsideItsFirstChunkCannotBeRead() throws IOException {
        Path cut = dir.resolve("cut.jfr");
        byte[] bytes = Files.readAllBytes(RECORDINGS.resolve("jdk/io-default.jfr"));
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(Jbound.run("report", cut.toString()), ExitCodes.RECORDING, "cut short");
    }

    @Test
    void aFileThatIsNotJfrSaysSo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "these are not the bytes you are looking for\n");
        assertOneLineError(Jbound.run("report", text.toString()), ExitCodes.RECORDING, "not a JFR file");
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        assertOneLineError(Jbound.run("report", empty.toString()), ExitCodes.RECORDING, "not a JFR file");
    }

    @Test
    void corruptBytesInsideAChunkAreReportedWithTheirPlace() throws IOException {
        Path bad = dir.resolve("bad.jfr");
        byte[] bytes = Files.readAllBytes(RECORDINGS.resolve("jdk/io-default.jfr"));
        Arrays.fill(bytes, 68, 68 + 64, (byte) 0xff); // the first events, right after the chunk header
        Files.write(bad, bytes);
        assertOneLineError(Jbound.run("report", bad.toString()), ExitCodes.RECORDING, "corrupt JFR chunk at byte");
    }

    @Test
    void aCorruptLaterChunkEndsTheReadAndTheWholeChunksBeforeItGiveTheVerdict() throws IOException {
        byte[] good = Files.readAllBytes(RECORDINGS.resolve("jdk/io-default.jfr"));
        byte[] bad = Files.readAllBytes(RECORDINGS.resolve("jdk/lock-default.jfr"));
        Arrays.fill(bad, 68, 68 + 64, (byte) 0xff);
        Path both = dir.resolve("good-then-bad.jfr");
        Files.write(both, good);
        Files.write(both, bad, StandardOpenOption.APPEND);
        Jbound.Run run = Jbound.run("report", both.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("io-bound");
        assertThat(r.get("notes").toString()).contains("corrupt JFR chunk at byte " + good.length, "first 1 chunk");
        assertThat(r.get("threads").toString()).doesNotContain("sync-worker-");
    }

    @Test
    void aRecordingWithNoSamplesSaysWhatToRecord() throws IOException {
        Path none = dir.resolve("none.jfr");
        try (Recording r = new Recording()) { // the JDK's own recorder, with no event enabled
            r.start();
            r.stop();
            r.dump(none);
        }
        assertOneLineError(Jbound.run("report", none.toString()), ExitCodes.RECORDING, "no samples");
    }

    @Test
    void aMissingFileOrADirectoryIsAUsageError() {
        assertOneLineError(Jbound.run("report", dir.resolve("nope.jfr").toString()), ExitCodes.USAGE, "no such file");
        assertOneLineError(Jbound.run("report", dir.toString()), ExitCodes.USAGE, "is a directory");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAUsageErrorWithItsOwnLine() {
        // /dev/full takes the open and refuses every write (ENOSPC), as a full disk does
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        String rec = RECORDINGS.resolve("io.jfr").toString();
        assertOneLineError(Jbound.run("report", rec, "--output", "/dev/full"), ExitCodes.USAGE, "cannot write /dev/full");
        assertOneLineError(Jbound.run("report", rec, "--format", "json", "--output", "/dev/full"), ExitCodes.USAGE, "is the disk full?");
        // the report itself went to stdout; the page is what failed
        Jbound.Run page = Jbound.run("report", rec, "--html", "/dev/full");
        assertThat(page.exitCode()).as("stderr: %s", page.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(page.out()).startsWith("jbound · ");
        assertThat(page.err().strip()).isEqualTo("jbound: cannot write /dev/full: a write failed (is the disk full?)");
    }

    private Path concat(String name, Path... parts) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            for (Path p : parts) Files.copy(p, o);
        }
        return out;
    }
}
