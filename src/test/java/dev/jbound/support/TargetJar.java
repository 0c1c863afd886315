package dev.jbound.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a runnable jar holding only {@link TargetMain}, so a test can start a JVM under a name no
 * other process on the (shared) machine has: {@code java -jar /tmp/.../unique-name.jar}.
 */
public final class TargetJar {
    private TargetJar() {
    }

    public static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TargetMain.class.getName());
        String entry = TargetMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = TargetMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) throw new IOException("no " + entry + " on the test classpath");
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
