package dev.jbound.load.jfr;

import java.util.List;

/**
 * A type declared in a chunk's metadata: an event, a constant-pool type or a primitive.
 *
 * @param simple a value type with one field, written as that field (e.g. jdk.types.FrameType)
 */
public record JfrType(long id, String name, String superType, boolean simple, List<Field> fields) {

    /**
     * @param constantPool the value is a key into the type's constant pool
     * @param array        the value is a count followed by that many elements
     */
    public record Field(String name, long typeId, boolean constantPool, boolean array) {
    }

    public JfrType {
        fields = List.copyOf(fields);
    }

    /** The index of the field with this name, or -1. */
    public int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) return i;
        }
        return -1;
    }
}
