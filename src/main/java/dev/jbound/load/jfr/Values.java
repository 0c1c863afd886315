package dev.jbound.load.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes field values by their declared type: integers of every width are compressed (read as
 * long), booleans and bytes are one byte, floats and doubles IEEE, strings tagged, constant-pool
 * references a compressed key, structs their fields in order, arrays a count then the elements.
 * Generic values are Long, Double, String, Object[] (a struct) or List (an array).
 */
final class Values {

    enum Kind { LONG, BYTE, FLOAT, DOUBLE, STRING, STRUCT }

    /** Elements of an array allocated before they are read. */
    static final int PREALLOCATED = 1024;

    private final Metadata metadata;
    private final Map<Long, Kind> kinds = new HashMap<>();

    Values(Metadata metadata) {
        this.metadata = metadata;
    }

    Kind kind(long typeId) {
        return kinds.computeIfAbsent(typeId, id -> {
            JfrType t = metadata.type(id);
            if (t == null) throw new IllegalStateException("field of undeclared type " + id);
            return switch (t.name()) {
                case "int", "long", "short", "char" -> Kind.LONG;
                case "byte", "boolean" -> Kind.BYTE;
                case "float" -> Kind.FLOAT;
                case "double" -> Kind.DOUBLE;
                case "java.lang.String" -> Kind.STRING;
                default -> Kind.STRUCT;
            };
        });
    }

    Object read(ByteCursor in, JfrType.Field f) {
        if (!f.array()) return readOne(in, f);
        int n = in.length();
        // grown as the elements turn out to be there: a corrupt count the size of the chunk would
        // otherwise allocate its size in references up front
        List<Object> elements = new ArrayList<>(Math.min(n, PREALLOCATED));
        for (int i = 0; i < n; i++) elements.add(readOne(in, f));
        return elements;
    }

    private Object readOne(ByteCursor in, JfrType.Field f) {
        if (f.constantPool()) return in.varlong();
        return switch (kind(f.typeId())) {
            case LONG -> in.varlong();
            case BYTE -> (long) in.u1();
            case FLOAT -> (double) in.f4();
            case DOUBLE -> in.f8();
            case STRING -> in.string();
            case STRUCT -> struct(in, metadata.type(f.typeId()));
        };
    }

    /** A constant-pool value of {@code type}: a struct's fields, or a plain value (the string pool). */
    Object constant(ByteCursor in, JfrType type) {
        return switch (kind(type.id())) {
            case LONG -> in.varlong();
            case BYTE -> (long) in.u1();
            case FLOAT -> (double) in.f4();
            case DOUBLE -> in.f8();
            case STRING -> in.string();
            case STRUCT -> type.simple() && type.fields().size() == 1 ? read(in, type.fields().get(0)) : struct(in, type);
        };
    }

    Object[] struct(ByteCursor in, JfrType type) {
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) values[i] = read(in, type.fields().get(i));
        return values;
    }
}
