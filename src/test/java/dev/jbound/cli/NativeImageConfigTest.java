package dev.jbound.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.aot.graalvm.DynamicProxyConfigGenerator;
import picocli.codegen.aot.graalvm.ReflectionConfigGenerator;
import picocli.codegen.aot.graalvm.ResourceConfigGenerator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * native/ holds the GraalVM native-image configuration picocli-codegen writes from the command
 * model (the command line's and the shell's): what picocli reflects on, and the resources jbound
 * reads from its jar. After changing a command, regenerate it with
 * {@code mvn -o -q test -Dtest=NativeImageConfigTest -Djbound.native.update=true}.
 */
class NativeImageConfigTest {
    private static final Path DIR = Path.of("native");

    /**
     * jbound's own resources and the async-profiler binaries ap-loader extracts from the jar:
     * regular expressions, escaped for JSON here as picocli-codegen writes them as they are.
     */
    private static final String[] RESOURCES = {
        "dev/jbound/version\\\\.properties", "dev/jbound/record/jbound\\\\.jfc", "libs/.*"};

    static Map<String, String> files() throws Exception {
        CommandSpec[] specs = {ManPage.commandLine().getCommandSpec(), DocsGenerator.shellCommandLine().getCommandSpec()};
        Map<String, String> files = new LinkedHashMap<>();
        files.put("reflect-config.json", ReflectionConfigGenerator.generateReflectionConfig(specs));
        files.put("resource-config.json", ResourceConfigGenerator.generateResourceConfig(specs, new String[0], RESOURCES));
        files.put("proxy-config.json", DynamicProxyConfigGenerator.generateProxyConfig(specs, new String[0]));
        return files;
    }

    @Test
    void theCommittedConfigurationIsWhatPicocliCodegenWritesFromTheModel() throws Exception {
        boolean update = Boolean.getBoolean("jbound.native.update");
        for (Map.Entry<String, String> e : files().entrySet()) {
            Path committed = DIR.resolve(e.getKey());
            if (update) Files.writeString(committed, e.getValue(), StandardCharsets.UTF_8);
            assertThat(committed).as("%s is missing; regenerate: mvn -o -q test -Dtest=NativeImageConfigTest -Djbound.native.update=true", committed).exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                    .as("%s is out of date; regenerate: mvn -o -q test -Dtest=NativeImageConfigTest -Djbound.native.update=true", committed)
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void everyCommandClassIsInTheReflectionConfiguration() throws Exception {
        String reflect = files().get("reflect-config.json");
        for (Class<?> c : JboundCommand.SUBCOMMANDS) assertThat(reflect).contains("\"name\" : \"" + c.getName() + "\"");
        assertThat(reflect).contains("\"name\" : \"" + ShellAttachCommand.class.getName() + "\"",
                "\"name\" : \"" + RecordingOptions.class.getName() + "\"");
    }
}
