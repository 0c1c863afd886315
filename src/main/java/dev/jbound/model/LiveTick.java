package dev.jbound.model;

/**
 * One refresh of a live view ({@code jbound top}): the report of the last interval, the verdict
 * over every interval so far, and a thread dump taken right after the interval when one was
 * wanted (threads contended for locks, or a thread's stack is shown), else null.
 *
 * @param number        1 for the first interval
 * @param soFar         active threads' time summed over all intervals
 * @param soFarNanos    the intervals' total length
 * @param soFarVerdict  the classifier's answer for {@code soFar}
 * @param targetExited  the target was gone at the end of this interval
 */
public record LiveTick(int number, Report report, ThreadSnapshot dump, Breakdown soFar, long soFarNanos,
                       Verdict soFarVerdict, boolean targetExited) {
}
