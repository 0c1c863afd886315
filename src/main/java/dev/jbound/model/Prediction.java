package dev.jbound.model;

/**
 * What following an advice should do to throughput, and on what assumption, so that it can be
 * checked: run at the advised size and compare.
 *
 * @param atThreads           the pool size it is for
 * @param throughputRatio     expected throughput at that size over today's (2.6 = 2.6×)
 * @param throughputPerSecond the same in requests a second, where today's could be counted; NaN otherwise
 * @param assumption          what must hold for it ("if 10.0.0.5:5432 keeps its 20 ms")
 */
public record Prediction(int atThreads, double throughputRatio, double throughputPerSecond, String assumption) {
}
