package dev.jbound.cli;

import dev.jbound.support.Jbound;
import dev.jbound.support.JsonDocs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report} and {@code check} on the recordings kept in the repo give byte-for-byte the JSON
 * kept beside them in src/test/resources/golden: nothing in it varies from run to run or machine to
 * machine (times, CPU counts and names come from the recording). A deliberate change to the output
 * is re-recorded with {@code mvn -o -q test -Dtest=GoldenJsonTest -Djbound.golden.update=true}
 * and reviewed in the diff.
 */
class GoldenJsonTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "report-lock      | report recordings/lock.jfr",
            "report-mixed     | report recordings/mixed.jfr",
            "report-idle-pool | report recordings/idle-pool.jfr",
            "report-jdk-lock  | report recordings/jdk/lock-default.jfr",
            "report-jdk-gc    | report recordings/jdk/gc-default.jfr",
            "report-jdk-cpu   | report recordings/jdk/cpu-profile.jfr",
            "check-lock       | check --report recordings/lock.jfr --expect lock-bound --max lock=10% --min cpu=20%",
            "check-jdk-io     | check --report recordings/jdk/io-default.jfr --expect io-bound,mixed --max gc=5%"})
    void theJsonIsByteForByteStable(String name, String command) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : command.trim().split(" ")) args.add(a.startsWith("recordings/") ? "src/test/resources/" + a : a);
        args.addAll(List.of("--format", "json"));
        Jbound.Run run = Jbound.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
        JsonDocs.parse(run.out());
        Path golden = GOLDEN.resolve(name.trim() + ".json");
        if (Boolean.getBoolean("jbound.golden.update")) Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        assertThat(run.out()).as("%s differs from %s (re-record with -Djbound.golden.update=true if intended)", command, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        // and a second run in the same JVM gives the same bytes
        assertThat(Jbound.run(args.toArray(String[]::new)).out()).isEqualTo(run.out());
    }
}
