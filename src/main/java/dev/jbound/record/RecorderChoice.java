package dev.jbound.record;

/** Which recorder to use; AUTO prefers async-profiler and falls back to the JDK Flight Recorder. */
public enum RecorderChoice { AUTO, ASYNC, JFR }
