package dev.jbound.demo;

/** A class whose initialiser blocks: a virtual thread initialising it is pinned to its carrier meanwhile. */
final class SlowInit {
    static {
        try {
            Thread.sleep(VirtualIoWorkload.PIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlowInit() {
    }
}
