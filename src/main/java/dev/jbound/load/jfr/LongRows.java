package dev.jbound.load.jfr;

/**
 * An array of structs whose fields are all integers (a stack trace's frames: method, line,
 * bytecode index, frame type), held as one array of longs, a row per element: the generic value,
 * a list of Object[] with a boxed Long per field, cost a stack of thirty frames some 150 objects.
 */
public final class LongRows {
    private final long[] values;
    private final int width;
    private final int rows;

    LongRows(long[] values, int width, int rows) {
        this.values = values;
        this.width = width;
        this.rows = rows;
    }

    public int rows() {
        return rows;
    }

    /** Field {@code field} of element {@code row}; 0 for a field the struct does not have (index -1). */
    public long get(int row, int field) {
        if (row < 0 || row >= rows) throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        return field < 0 || field >= width ? 0 : values[row * width + field];
    }
}
