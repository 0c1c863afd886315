package dev.jbound.model;

/**
 * One stack frame. Java frames carry a class (dotted) and a method; native and kernel frames
 * carry the symbol in {@code method} and the library (or empty) in {@code className}.
 */
public record Frame(String className, String method, Kind kind) {

    public enum Kind { JAVA, NATIVE, KERNEL }

    public static Frame java(String className, String method) {
        return new Frame(className, method, Kind.JAVA);
    }

    public static Frame nativeFrame(String library, String symbol) {
        return new Frame(library, symbol, Kind.NATIVE);
    }

    public static Frame kernel(String symbol) {
        return new Frame("", symbol, Kind.KERNEL);
    }

    public boolean isJava() {
        return kind == Kind.JAVA;
    }

    /** "java.net.SocketInputStream.read", or the bare symbol for native and kernel frames. */
    public String qualifiedName() {
        return kind == Kind.JAVA ? className + "." + method : method;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }

    // Written out, not left to the record: the generated ones are bound through method handles at
    // first use, which a short-lived run pays for in spun classes and compilations (frames are hashed
    // as a recording is read).
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && kind == f.kind && java.util.Objects.equals(className, f.className)
                && java.util.Objects.equals(method, f.method);
    }

    @Override
    public int hashCode() {
        // the record's own formula, so that hashed collections keep their order
        return (java.util.Objects.hashCode(className) * 31 + java.util.Objects.hashCode(method)) * 31 + java.util.Objects.hashCode(kind);
    }
}
