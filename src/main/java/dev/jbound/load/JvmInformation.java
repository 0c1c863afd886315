package dev.jbound.load;

import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrType;
import dev.jbound.model.MainClass;
import dev.jbound.model.Recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads jdk.JVMInformation: which JVM a recording from elsewhere came from (pid, main class, JDK). */
final class JvmInformation {

    /**
     * The JDK's recorder writes the VM's whole banner, "OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1)
     * for linux-amd64 ...", async-profiler the version alone, "17.0.15+6-Debian-1deb12u1": both → 17.0.15
     */
    private static final Pattern VERSION = Pattern.compile("(?:^|\\()(\\d+(?:\\.\\d+)*)");

    private final RecordingBuilder out;
    // every chunk repeats the event; its text is worked out again only when it changes
    private String lastArguments;
    private String lastVersion;

    JvmInformation(RecordingBuilder out) {
        this.out = out;
    }

    /** The consumer for the chunk's jdk.JVMInformation event, or none when the chunk declares no such type. */
    Map<String, JfrChunk.EventConsumer> reader(JfrChunk chunk) {
        JfrType t = chunk.type("jdk.JVMInformation");
        if (t == null) return Map.of();
        int pid = t.indexOf("pid");
        int version = t.indexOf("jvmVersion");
        int arguments = t.indexOf("javaArguments");
        return Map.of("jdk.JVMInformation", e -> read(e.getLong(pid), (String) e.get(arguments), (String) e.get(version)));
    }

    private void read(long pid, String arguments, String version) {
        Recording.Jvm last = out.jvm;
        if (last != null && last.pid() == pid && Objects.equals(arguments, lastArguments) && Objects.equals(version, lastVersion)) return;
        lastArguments = arguments;
        lastVersion = version;
        out.jvm = new Recording.Jvm(pid, mainClass(arguments), version(version));
    }

    static String version(String jvmVersion) {
        if (jvmVersion == null) return "";
        Matcher m = VERSION.matcher(jvmVersion);
        return m.find() ? m.group(1) : "";
    }

    /** javaArguments is the command line after the launcher's options: the main class or -jar's jar first. */
    static String mainClass(String javaArguments) {
        if (javaArguments == null || javaArguments.isBlank()) return "";
        List<String> cmd = new ArrayList<>();
        cmd.add("java");
        cmd.addAll(List.of(javaArguments.trim().split("\\s+")));
        return MainClass.of(cmd);
    }
}
