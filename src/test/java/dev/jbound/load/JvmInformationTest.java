package dev.jbound.load;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which JDK a recording came from, as the report's header names it: the JDK's recorder writes the
 * VM's whole banner in jdk.JVMInformation, async-profiler the version alone. Checked on every kept
 * recording against the JDK's own reader and Runtime.Version.
 */
class JvmInformationTest {

    @Test
    void everyKeptRecordingNamesItsJdkWhoeverWroteIt() throws IOException {
        List<Path> files;
        try (Stream<Path> async = Files.list(Path.of("src/test/resources/recordings"));
             Stream<Path> jdk = Files.list(Path.of("src/test/resources/recordings/jdk"))) {
            files = Stream.concat(async, jdk).filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        int banners = 0;
        int bare = 0;
        for (Path file : files) {
            String written = null;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals("jdk.JVMInformation")) written = e.getString("jvmVersion");
            }
            assertThat(written).as("%s: jdk.JVMInformation", file).isNotNull();
            int open = written.indexOf('(');
            if (open >= 0) banners++;
            else bare++;
            String version = open >= 0 ? written.substring(open + 1, written.indexOf(')', open)) : written;
            String expected = Runtime.Version.parse(version).version().stream().map(String::valueOf).collect(Collectors.joining("."));
            assertThat(JfrLoader.load(file).jvm().version()).as("%s (%s)", file, written).isEqualTo(expected);
        }
        assertThat(banners).as("recordings by the JDK's recorder").isPositive();
        assertThat(bare).as("recordings by async-profiler").isPositive();
    }

    @Test
    void textThatIsNoVersionIsNone() {
        assertThat(JvmInformation.version("OpenJDK 64-Bit Server VM")).isEmpty();
        assertThat(JvmInformation.version("")).isEmpty();
        assertThat(JvmInformation.version(null)).isEmpty();
    }
}
