package dev.jbound.model;

/**
 * The I/O time attributed to one target.
 *
 * @param target      what the threads waited on
 * @param nanos       their I/O time on it in the window
 * @param shareOfIo   of all the I/O time in the same scope (process or pool), 0..1
 * @param threads     how many threads waited on it
 * @param endpoint    for an endpoint, what the OS saw of it at the window's end (connections now,
 *                    the local process behind it); null otherwise or without the OS sensor
 */
public record IoShare(IoTarget target, long nanos, double shareOfIo, int threads, Endpoint endpoint) {
}
