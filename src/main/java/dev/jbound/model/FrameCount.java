package dev.jbound.model;

/** A frame and how much thread time (nanoseconds) samples attributed to it. */
public record FrameCount(String frame, long nanos, int samples) {
}
