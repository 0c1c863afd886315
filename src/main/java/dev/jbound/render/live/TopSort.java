package dev.jbound.render.live;

import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;

import java.util.Comparator;

/** The columns top sorts its thread rows by; {@code s} cycles through them in this order. */
public enum TopSort {
    CPU("cpu%", Comparator.comparingLong(ThreadRow::cpuNanos).reversed()),
    ACTIVE("active", Comparator.comparingLong((ThreadRow r) -> r.breakdown().activeNanos()).reversed()),
    IO("io", byState(ThreadState.IO)),
    LOCK("lock", byState(ThreadState.LOCK)),
    NAME("name", Comparator.comparing(ThreadRow::name));

    private final String label;
    private final Comparator<ThreadRow> order;

    TopSort(String label, Comparator<ThreadRow> order) {
        this.label = label;
        this.order = order;
    }

    public String label() {
        return label;
    }

    /** Most first for the numbers, A to Z for names; ties by name so rows do not jump. */
    Comparator<ThreadRow> order(boolean reversed) {
        Comparator<ThreadRow> c = order.thenComparing(ThreadRow::name).thenComparingLong(ThreadRow::osTid);
        return reversed ? c.reversed() : c;
    }

    TopSort next() {
        return values()[(ordinal() + 1) % values().length];
    }

    private static Comparator<ThreadRow> byState(ThreadState s) {
        return Comparator.comparingLong((ThreadRow r) -> r.breakdown().nanos(s)).reversed();
    }
}
