package dev.jbound.model;

/**
 * A JVM process found on this machine, as {@code jbound ps} lists it and as names are matched against.
 *
 * @param mainClass     the main class, jar or module, as {@code jps -l} shows it
 * @param confirmed     true when its memory maps show a JVM library; false when they could not be read
 *                      (another user's process) and the command ({@code java}) is all that says it is one
 * @param attachability whether jbound can attach, and why not
 */
public record FoundJvm(long pid, int uid, String user, String mainClass, boolean confirmed, Attachability attachability) {

    /** The last part of the main class ({@code Foo} for {@code com.x.Foo}), or the jar's file name ({@code app.jar}). */
    public String simpleName() {
        return MainClass.simpleName(mainClass);
    }
}
