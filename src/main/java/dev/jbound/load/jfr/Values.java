package dev.jbound.load.jfr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decodes field values by their declared type: integers of every width are compressed (read as
 * long), booleans and bytes are one byte, floats and doubles IEEE, strings tagged, constant-pool
 * references a compressed key, structs their fields in order, arrays a count then the elements.
 * Generic values are Long, Double, String, Object[] (a struct) or List (an array); an array of
 * structs whose fields are all integers is a {@link LongRows}.
 * <p>
 * Each type's fields are worked out once into a {@link Layout} (kept with the metadata, which the
 * chunks of a recording share): a constant pool's entries are decoded or stepped over field by
 * field, hundreds of thousands in a big file, and must not look anything up by name or boxed id.
 * Immutable once made.
 */
final class Values {

    /** UNDECLARED: a field of a type the metadata does not declare, refused when it is read. */
    enum Kind { LONG, BYTE, FLOAT, DOUBLE, STRING, STRUCT, UNDECLARED }

    /** Elements of an array allocated before they are read. */
    static final int PREALLOCATED = 1024;

    /**
     * How a type's fields are read. {@code kinds[i]} is LONG for a constant-pool key;
     * {@code structs[i]} is the field's type where its kind is STRUCT.
     */
    static final class Layout {
        final JfrType type;
        /** How a value of the type itself is read where it is not a struct (a primitive, a string). */
        final Kind kind;
        final Kind[] kinds;
        final boolean[] arrays;
        final Layout[] structs;
        /** A simple type is written as its one field, and a constant of it is that field's value. */
        final boolean simple;
        /** A struct of integers only (no arrays): an array of it is read as {@link LongRows}, an event of it in one call. */
        boolean integers;
        /** A struct of integers and bytes only (no arrays): a constant of it is a long[], not boxed fields. */
        boolean numbers;

        private Layout(JfrType type) {
            this.type = type;
            this.kind = kindOf(type);
            int n = type.fields().size();
            this.kinds = new Kind[n];
            this.arrays = new boolean[n];
            this.structs = new Layout[n];
            this.simple = type.simple() && n == 1;
        }
    }

    private final LongMap<Layout> layouts = new LongMap<>();

    /**
     * Every type's layout, worked out at once: the chunks that share the metadata are parsed on
     * the reading thread while the previous one's events are read on the caller's, so nothing
     * here may change after it is made.
     */
    Values(Collection<JfrType> types) {
        for (JfrType t : types) layouts.put(t.id(), new Layout(t));
        for (JfrType t : types) {
            Layout l = layouts.get(t.id());
            for (int i = 0; i < l.kinds.length; i++) {
                JfrType.Field f = t.fields().get(i);
                Layout field = layouts.get(f.typeId());
                l.arrays[i] = f.array();
                l.kinds[i] = f.constantPool() ? Kind.LONG : field == null ? Kind.UNDECLARED : field.kind;
                if (l.kinds[i] == Kind.STRUCT) l.structs[i] = field;
            }
            boolean integers = l.kind == Kind.STRUCT && l.kinds.length > 0;
            for (int i = 0; i < l.kinds.length; i++) integers &= !l.arrays[i] && l.kinds[i] == Kind.LONG;
            l.integers = integers;
            boolean numbers = l.kind == Kind.STRUCT && l.kinds.length > 0;
            for (int i = 0; i < l.kinds.length; i++) numbers &= !l.arrays[i] && (l.kinds[i] == Kind.LONG || l.kinds[i] == Kind.BYTE);
            l.numbers = numbers;
        }
    }

    private static Kind kindOf(JfrType t) {
        return switch (t.name()) {
            case "int", "long", "short", "char" -> Kind.LONG;
            case "byte", "boolean" -> Kind.BYTE;
            case "float" -> Kind.FLOAT;
            case "double" -> Kind.DOUBLE;
            case "java.lang.String" -> Kind.STRING;
            default -> Kind.STRUCT;
        };
    }

    /** {@code type}'s layout. */
    Layout layout(JfrType type) {
        return layouts.get(type.id());
    }

    /** Field {@code i} of {@code l}. */
    Object read(ByteCursor in, Layout l, int i) {
        if (!l.arrays[i]) return readOne(in, l, i);
        int n = in.length();
        if (l.kinds[i] == Kind.STRUCT && l.structs[i].integers) return rows(in, n, l.structs[i].kinds.length);
        // grown as the elements turn out to be there: a corrupt count the size of the chunk would
        // otherwise allocate its size in references up front
        List<Object> elements = new ArrayList<>(Math.min(n, PREALLOCATED));
        for (int k = 0; k < n; k++) elements.add(readOne(in, l, i));
        return elements;
    }

    /** {@code n} structs of {@code width} integer fields, grown as they turn out to be there (as the list is). */
    private static LongRows rows(ByteCursor in, int n, int width) {
        long[] values = new long[Math.min(n, PREALLOCATED) * width];
        for (int k = 0; k < n; k++) {
            if ((k + 1) * width > values.length) values = java.util.Arrays.copyOf(values, Math.min(n, 2 * k + 1) * width);
            in.varlongs(values, k * width, width);
        }
        return new LongRows(values, width, n);
    }

    private Object readOne(ByteCursor in, Layout l, int i) {
        return switch (l.kinds[i]) {
            case STRUCT -> struct(in, l.structs[i]);
            case UNDECLARED -> throw undeclared(l, i);
            default -> plain(in, l.kinds[i]);
        };
    }

    private static IllegalStateException undeclared(Layout l, int i) {
        return new IllegalStateException("field of undeclared type " + l.type.fields().get(i).typeId());
    }

    /**
     * A constant-pool value of {@code l}'s type: a struct's fields (a long[] where they are all
     * numbers: a method, a class), or a plain value (the string pool).
     */
    Object constant(ByteCursor in, Layout l) {
        if (l.kind != Kind.STRUCT) return plain(in, l.kind);
        if (l.simple) return read(in, l, 0);
        return l.numbers ? numbers(in, l) : struct(in, l);
    }

    /** The fields of a struct of numbers, without a box for each (every chunk declares hundreds of methods). */
    private static long[] numbers(ByteCursor in, Layout l) {
        long[] values = new long[l.kinds.length];
        for (int i = 0; i < values.length; i++) values[i] = l.kinds[i] == Kind.BYTE ? in.u1() : in.varlong();
        return values;
    }

    private static Object plain(ByteCursor in, Kind kind) {
        return switch (kind) {
            case LONG -> in.varlong();
            case BYTE -> (long) in.u1();
            case FLOAT -> (double) in.f4();
            case DOUBLE -> in.f8();
            case STRING -> in.string();
            case STRUCT, UNDECLARED -> throw new IllegalStateException("not a plain value");
        };
    }

    Object[] struct(ByteCursor in, Layout l) {
        Object[] values = new Object[l.kinds.length];
        for (int i = 0; i < values.length; i++) values[i] = read(in, l, i);
        return values;
    }

    /** Steps over a constant of {@code l}'s type without keeping it: what {@link #constant} reads. */
    void skipConstant(ByteCursor in, Layout l) {
        if (l.kind != Kind.STRUCT) skipPlain(in, l.kind);
        else skipStruct(in, l);
    }

    private static void skipPlain(ByteCursor in, Kind kind) {
        switch (kind) {
            case LONG -> in.varlong();
            case BYTE -> in.u1();
            case FLOAT -> in.f4();
            case DOUBLE -> in.f8();
            case STRING -> in.skipString();
            case STRUCT, UNDECLARED -> throw new IllegalStateException("not a plain value");
        }
    }

    private void skipStruct(ByteCursor in, Layout l) {
        for (int i = 0; i < l.kinds.length; i++) {
            int n = l.arrays[i] ? in.length() : 1;
            for (int k = 0; k < n; k++) {
                if (l.kinds[i] == Kind.STRUCT) skipStruct(in, l.structs[i]);
                else if (l.kinds[i] == Kind.UNDECLARED) throw undeclared(l, i);
                else skipPlain(in, l.kinds[i]);
            }
        }
    }
}
