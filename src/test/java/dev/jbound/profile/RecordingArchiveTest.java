package dev.jbound.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/** watch --jfr-dir's rotation: the oldest kept recordings go first, and only they. */
class RecordingArchiveTest {

    private static Path file(Path dir, String name, int bytes, long modifiedMillis) throws Exception {
        Path p = Files.write(dir.resolve(name), new byte[bytes]);
        Files.setLastModifiedTime(p, FileTime.fromMillis(modifiedMillis));
        return p;
    }

    @Test
    void theOldestRecordingsGoUntilTheRestFitAndOtherFilesStay(@TempDir Path dir) throws Exception {
        Path oldest = file(dir, "jbound-7-20261206T100000Z.jfr", 400, 1_000);
        Path older = file(dir, "jbound-8-20261206T100100Z.jfr", 400, 2_000);
        Path newer = file(dir, "jbound-7-20261206T100200Z.jfr", 400, 3_000);
        Path newest = file(dir, "jbound-7-20261206T100300Z.jfr", 400, 4_000);
        Path theirs = file(dir, "app.jfr", 10_000, 0);
        RecordingArchive archive = new RecordingArchive(dir, 1000);
        assertThat(archive.rotate()).isEqualTo(2);
        assertThat(oldest).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(newer).exists();
        assertThat(newest).exists();
        assertThat(theirs).as("not a kept recording: never counted or deleted").exists();
        assertThat(archive.rotate()).isZero();
    }

    @Test
    void twoWindowsInOneSecondGetTwoNames(@TempDir Path dir) throws Exception {
        RecordingArchive archive = new RecordingArchive(dir, 1 << 20);
        Path first = archive.next(42);
        Files.createFile(first);
        Path second = archive.next(42);
        assertThat(second).isNotEqualTo(first);
        assertThat(first.getFileName().toString()).matches("jbound-42-\\d{8}T\\d{6}Z\\.jfr");
        assertThat(second.getFileName().toString()).matches("jbound-42-\\d{8}T\\d{6}Z(-2)?\\.jfr");
    }
}
